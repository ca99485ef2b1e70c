//! Keys a file held that this version of zelfscan does not know: written by a
//! newer zelfscan, or added by hand. They are kept as plain data next to the
//! value they were found in, so a save writes them back instead of losing them.

use std::collections::HashMap;

/// The unknown keys of one table, in file order, with their TOML values.
///
/// Equality treats every NaN as equal to every NaN and tells `0.0` from
/// `-0.0`, so that it is a real equivalence (and `Eq` holds): a value loaded,
/// saved and loaded again compares equal to itself.
#[derive(Clone, Default)]
pub struct Extra {
    entries: Vec<(String, toml::Value)>,
    /// Where each key sits in `entries`, so that inserting n keys costs O(n),
    /// not O(n²): a hand-edited file with 300,000 unknown keys must still open.
    positions: HashMap<String, usize>,
}

impl Extra {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a key at the end; a key that is already there is replaced in place.
    pub fn insert(&mut self, key: impl Into<String>, value: toml::Value) {
        let key = key.into();
        match self.positions.get(&key) {
            Some(&at) => self.entries[at].1 = value,
            None => {
                self.positions.insert(key.clone(), self.entries.len());
                self.entries.push((key, value));
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&toml::Value> {
        self.positions.get(key).map(|&at| &self.entries[at].1)
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The keys and values in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &toml::Value)> {
        self.entries
            .iter()
            .map(|(key, value)| (key.as_str(), value))
    }
}

/// The entries only: the index is a copy of what they already say.
impl std::fmt::Debug for Extra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extra")
            .field("entries", &self.entries)
            .finish()
    }
}

impl FromIterator<(String, toml::Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, toml::Value)>>(items: I) -> Self {
        let mut extra = Self::new();
        for (key, value) in items {
            extra.insert(key, value);
        }
        extra
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.entries.len() == other.entries.len()
            && self
                .entries
                .iter()
                .zip(&other.entries)
                .all(|((key_a, a), (key_b, b))| key_a == key_b && same_value(a, b))
    }
}

impl Eq for Extra {}

/// Structural equality where floats compare by their bits (all NaNs alike).
fn same_value(a: &toml::Value, b: &toml::Value) -> bool {
    use toml::Value;
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits()
        }
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_value(x, y))
        }
        (Value::Table(xs), Value::Table(ys)) => {
            // Order matters: it is the order the file is written in.
            xs.len() == ys.len()
                && xs
                    .iter()
                    .zip(ys.iter())
                    .all(|((key_x, x), (key_y, y))| key_x == key_y && same_value(x, y))
        }
        (x, y) => x == y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_equals_nan_and_signed_zeros_differ() {
        let one = |value: f64| Extra::from_iter([("x".to_string(), toml::Value::Float(value))]);
        assert_eq!(one(f64::NAN), one(f64::NAN));
        assert_ne!(one(0.0), one(-0.0));
        assert_eq!(one(1.5), one(1.5));
    }

    #[test]
    fn insert_keeps_order_and_replaces() {
        let mut extra = Extra::new();
        extra.insert("b", toml::Value::Integer(1));
        extra.insert("a", toml::Value::Integer(2));
        extra.insert("b", toml::Value::Integer(3));
        let keys: Vec<&str> = extra.iter().map(|(key, _)| key).collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(extra.get("b"), Some(&toml::Value::Integer(3)));
        assert_eq!(extra.len(), 2);
    }

    #[test]
    fn many_keys_insert_in_linear_time() {
        // Quadratic insertion took minutes for this many keys; linear takes
        // well under a second. No timing is asserted: finishing is the test.
        let extra: Extra = (0..300_000)
            .map(|n| (format!("k{n}"), toml::Value::Integer(n)))
            .collect();
        assert_eq!(extra.len(), 300_000);
        assert_eq!(extra.get("k299999"), Some(&toml::Value::Integer(299_999)));
        assert_eq!(extra.iter().next().map(|(key, _)| key), Some("k0"));
    }
}
