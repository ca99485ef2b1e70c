//! Rows of the outcome screen taken from the last time they were made. After
//! an edit the screen is made anew, but an edit changes one criterion: most
//! reasons, theme rows and points of attention read as before, and writing
//! them again (texts, bars, wrapping) was most of opening the screen after
//! an edit.

use super::Row;

/// The rows made for each key last time, in the order they were asked for:
/// the n-th key asked for is compared with the n-th of last time (an edit
/// changes a few in place, or adds or removes one, after which the rest are
/// made again).
pub(super) struct Reuse<K> {
    last: Vec<(K, Vec<Row>)>,
    next: Vec<(K, Vec<Row>)>,
}

impl<K> Default for Reuse<K> {
    fn default() -> Self {
        Self {
            last: Vec::new(),
            next: Vec::new(),
        }
    }
}

impl<K: PartialEq> Reuse<K> {
    /// The rows for `key`: last time's at this place if it had the same
    /// key, else made with `make`.
    pub(super) fn take(&mut self, key: K, make: impl FnOnce() -> Vec<Row>) -> Vec<Row> {
        let rows = match self.last.get(self.next.len()) {
            Some((made_for, rows)) if *made_for == key => rows.clone(),
            _ => make(),
        };
        self.next.push((key, rows.clone()));
        rows
    }

    /// The rows made since the last call are what the next making compares with.
    fn finish(&mut self) {
        self.last = std::mem::take(&mut self.next);
    }

    fn clear(&mut self) {
        self.last.clear();
        self.next.clear();
    }
}

/// Everything that can be taken again, for one open scan (its framework),
/// one width and one language: what else a row depends on.
#[derive(Default)]
pub(super) struct Parts {
    made_for: Option<(u64, u16, usize)>,
    pub(super) reasons: Reuse<crate::model::Reason>,
    /// Per theme: the perspectives' means and the theme's score.
    pub(super) themes: Reuse<(Vec<Option<f64>>, Option<f64>)>,
    /// Per point of attention: the point and its place among the entries.
    pub(super) attention: Reuse<(crate::model::AttentionPoint, usize)>,
}

impl Parts {
    /// Starts making the rows for `made_for` (the opened scan, the width,
    /// the language); what was made for anything else is let go.
    pub(super) fn begin(&mut self, made_for: (u64, u16, usize)) {
        if self.made_for != Some(made_for) {
            self.reasons.clear();
            self.themes.clear();
            self.attention.clear();
            self.made_for = Some(made_for);
        }
    }

    /// The rows are made: they are what the next making takes from.
    pub(super) fn finish(&mut self) {
        self.reasons.finish();
        self.themes.finish();
        self.attention.finish();
    }
}
