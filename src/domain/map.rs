//! [`Map`]: an ordered map kept as one sorted vector of pairs.
//!
//! The app's maps are small: one entry per sub-practice, size factor or tier, a few hundred
//! interface texts, the assessments open in a tab. `BTreeMap` served them, but its code
//! (insertion, removal, node balancing) is made again for every key and value type, and every
//! first visit downloaded it: 53.6 KB of the app's wasm before this type, 14 KB after (what
//! `serde_json`'s own maps need). A sorted vector needs a binary search and a `Vec` insert or
//! remove per type. Iteration, equality and the serialized form are those of `BTreeMap`: keys
//! ascending, each once, written as a map, a key read twice keeping its last value.
//!
//! A map to `()` is a set.

use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::order::sorted_positions;

/// An ordered map: keys ascending and unique, as in `BTreeMap`.
#[derive(Clone, PartialEq, Eq)]
pub struct Map<K, V> {
    pairs: Vec<(K, V)>,
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map { pairs: Vec::new() }
    }
}

impl<K, V> Map<K, V> {
    pub const fn new() -> Self {
        Map { pairs: Vec::new() }
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator + Clone {
        self.pairs.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.pairs.iter().map(|(k, _)| k)
    }

    pub fn iter_mut(
        &mut self,
    ) -> impl DoubleEndedIterator<Item = (&K, &mut V)> + ExactSizeIterator {
        self.pairs.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.pairs.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.pairs.iter_mut().map(|(_, v)| v)
    }

    /// Keeps the entries `keep` says yes to, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.pairs.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> Map<K, V> {
    /// Where `key` is (`Ok`), or where it would go (`Err`).
    fn find<Q>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.pairs.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).ok().map(|i| &self.pairs[i].1)
    }

    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).ok().map(|i| &mut self.pairs[i].1)
    }

    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, handing back the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.pairs[i].1, value)),
            Err(i) => {
                self.pairs.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        self.find(key).ok().map(|i| self.pairs.remove(i).1)
    }

    /// The value of `key`, its default first when there is none.
    pub fn get_or_default(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.pairs.insert(i, (key, V::default()));
                i
            }
        };
        &mut self.pairs[i].1
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Map<K, V> {
    /// As `BTreeMap`: a key given twice keeps its last value.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Map::new();
        map.extend(iter);
        map
    }
}

impl<K: Ord, V> Extend<(K, V)> for Map<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            // Input in key order (another map, a catalogue) appends at the end.
            match self.pairs.last() {
                Some((last, _)) if *last < k => self.pairs.push((k, v)),
                None => self.pairs.push((k, v)),
                _ => {
                    self.insert(k, v);
                }
            }
        }
    }
}

impl<K: Ord, V> Map<K, V> {
    /// The map of pairs read from a file, in whatever order it gives them, a key given twice
    /// keeping its last value. Inserting them one by one would move every pair before each
    /// key smaller than the last: on a file whose keys come in reverse (2 MiB holds 100,000
    /// of them), a frozen tab. So they are sorted once, by the app's one sort
    /// (`domain::order`), not a sort compiled for every pair type.
    fn from_read(pairs: Vec<(K, V)>) -> Self {
        if pairs.windows(2).all(|w| w[0].0 < w[1].0) {
            return Map { pairs };
        }
        let order = sorted_positions(pairs.len(), &|a, b| {
            pairs[a].0.cmp(&pairs[b].0).then(a.cmp(&b))
        });
        let mut slots: Vec<Option<(K, V)>> = pairs.into_iter().map(Some).collect();
        let mut map = Map::new();
        for (k, v) in order.into_iter().filter_map(|i| slots[i].take()) {
            match map.pairs.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => map.pairs.push((k, v)),
            }
        }
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for Map<K, V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<K, V> IntoIterator for Map<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.pairs.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.pairs.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Ord + Borrow<Q>, V, Q: Ord + ?Sized> std::ops::Index<&Q> for Map<K, V> {
    type Output = V;

    /// # Panics
    /// When the map has no such key, as `BTreeMap`'s.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Map<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Serialize, V: Serialize> Serialize for Map<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for Map<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs<K, V>(PhantomData<(K, V)>);

        impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Visitor<'de> for Pairs<K, V> {
            type Value = Map<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = access.next_entry()? {
                    pairs.push(pair);
                }
                Ok(Map::from_read(pairs))
            }
        }

        deserializer.deserialize_map(Pairs(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::Map;

    #[test]
    fn keeps_keys_in_order_once() {
        let mut map: Map<&str, u32> = [("b", 2), ("a", 1), ("c", 3)].into();
        assert_eq!(map.insert("b", 20), Some(2));
        assert_eq!(map.insert("d", 4), None);
        assert_eq!(
            map.keys().copied().collect::<Vec<_>>(),
            ["a", "b", "c", "d"]
        );
        assert_eq!(map.get("b"), Some(&20));
        assert_eq!(map.remove("a"), Some(1));
        assert_eq!(map.remove("a"), None);
        *map.get_or_default("a") += 7;
        assert_eq!(map.iter().next(), Some((&"a", &7)));
        map.retain(|_, v| *v > 5);
        assert_eq!(map.len(), 2);
    }

    #[test]
    fn keys_read_in_reverse_are_sorted_once_not_moved_one_by_one() {
        // Inserted one by one, 200,000 keys in reverse moved about 10^10 pairs: minutes.
        let n = 200_000u32;
        let text = format!(
            "{{{}\"0\":0}}",
            (1..n)
                .rev()
                .map(|k| format!("\"{k}\":{k},"))
                .collect::<String>()
        );
        let map: Map<u32, u32> = serde_json::from_str(&text).unwrap();
        assert_eq!(map.len(), n as usize);
        assert!(map
            .iter()
            .zip(0..n)
            .all(|((k, v), want)| *k == want && *v == want));
        let mut grown: Map<u32, char> = [(5, 'a'), (7, 'b')].into();
        grown.extend([(6, 'c'), (5, 'd'), (1, 'e')]);
        assert_eq!(
            grown.into_iter().collect::<Vec<_>>(),
            [(1, 'e'), (5, 'd'), (6, 'c'), (7, 'b')]
        );
    }

    #[test]
    fn a_key_given_twice_keeps_its_last_value() {
        let map: Map<u8, u8> = [(2, 1), (1, 1), (2, 9)].into_iter().collect();
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [(1, 1), (2, 9)]);
        let read: Map<String, u8> = serde_json::from_str(r#"{"b":1,"a":2,"b":3}"#).unwrap();
        assert_eq!(serde_json::to_string(&read).unwrap(), r#"{"a":2,"b":3}"#);
    }
}
