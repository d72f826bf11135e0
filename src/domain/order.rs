//! One sort for the whole app. Every `sort_by` with its own element type or comparator is a
//! copy of the standard library's sort in the app's wasm (about 1.4 KB brotli each); sorting
//! positions through one function keeps a single copy, whatever is being ordered.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` gives (not stable: give `cmp` a last tie-breaker
/// where the order of equals matters).
pub(crate) fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_unstable_by(|a, b| cmp(*a, *b));
    positions
}

/// `items` in the order `cmp` gives.
pub fn sorted_by<T>(items: Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = sorted_positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_every_item() {
        let words = vec!["pear", "apple", "fig", "apple"];
        assert_eq!(
            sorted_by(words, &|a, b| a.cmp(b)),
            ["apple", "apple", "fig", "pear"]
        );
        assert_eq!(
            sorted_by(vec![3, 1, 2], &|a: &i32, b: &i32| b.cmp(a)),
            [3, 2, 1]
        );
        assert!(sorted_by(Vec::<u8>::new(), &|a, b| a.cmp(b)).is_empty());
    }
}
