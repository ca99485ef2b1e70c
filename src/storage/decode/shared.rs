//! Frameworks embedded in many scans, decoded once. Every scan carries its
//! framework as the `[framework]` tables at its end, and a folder of scans
//! of one region's work carries the same text a thousand times; reading
//! that text is half the cost of reading a scan.
//!
//! The key is the exact text from the `[framework]` line to the end of the
//! file; a framework is kept only when the scan it came from loaded without
//! a single problem, and only when that text on its own defines nothing but
//! `framework`. A scan whose tail is such a text is then the rest of the
//! file parsed and decoded as always, with the framework put in: what one
//! parse of the whole would give, as the two parts share no key.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::model::Framework;

/// The line that opens an embedded framework.
const HEADER: &str = "[framework]";

/// Longer framework texts are not kept (a scan of thousands of criteria is
/// opened alone, and the copy would only add to its memory).
const MAX_TEXT: usize = 256 * 1024;

/// Distinct frameworks kept at once; a folder of scans holds a few versions.
const MAX_ENTRIES: usize = 8;

/// Distinct framework texts remembered as seen once.
const MAX_SEEN: usize = 64;

/// The frameworks decoded so far, shared by the threads reading many scans.
#[derive(Default)]
pub struct SharedFrameworks {
    entries: Mutex<Vec<(Box<str>, Arc<Framework>)>>,
    /// Hashes of the framework texts seen once: a text is checked and kept
    /// the second time, so reading a single scan costs nothing extra.
    seen_once: Mutex<Vec<u64>>,
}

impl SharedFrameworks {
    /// The framework decoded from exactly this text, if it was.
    pub(super) fn get(&self, text: &str) -> Option<Framework> {
        let found = {
            let entries = self.entries.lock().ok()?;
            entries
                .iter()
                .find(|(kept, _)| **kept == *text)
                .map(|(_, framework)| Arc::clone(framework))
        };
        found.map(|framework| Framework::clone(&framework))
    }

    /// Keeps `framework`, decoded without a problem from a scan whose text
    /// from the `[framework]` line on is `text`, when `text` on its own
    /// parses and defines only `framework`.
    pub(super) fn learn(&self, text: &str, framework: &Framework) {
        if text.len() > MAX_TEXT || !self.seen_before(text) {
            return;
        }
        let Ok(entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= MAX_ENTRIES || entries.iter().any(|(kept, _)| **kept == *text) {
            return;
        }
        drop(entries);
        let only_framework = DeTable::parse(text).is_ok_and(|root| {
            let root = root.into_inner();
            root.len() == 1 && root.contains_key("framework")
        });
        if !only_framework {
            return;
        }
        if let Ok(mut entries) = self.entries.lock()
            && entries.len() < MAX_ENTRIES
            && !entries.iter().any(|(kept, _)| **kept == *text)
        {
            entries.push((text.into(), Arc::new(framework.clone())));
        }
    }
}

impl SharedFrameworks {
    /// Whether `text` was seen before; remembers it when not.
    fn seen_before(&self, text: &str) -> bool {
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        let hash = hasher.finish();
        let Ok(mut seen) = self.seen_once.lock() else {
            return false;
        };
        if seen.contains(&hash) {
            return true;
        }
        if seen.len() < MAX_SEEN {
            seen.push(hash);
        }
        false
    }
}

/// Where the embedded framework starts: the last line that is exactly
/// `[framework]`. Such a line inside a multi-line string leaves the text
/// before it unterminated, so it never passes for the framework's start.
pub(super) fn framework_start(source: &str) -> Option<usize> {
    source.rmatch_indices(HEADER).map(|(at, _)| at).find(|&at| {
        let line_start = at == 0 || source.as_bytes()[at - 1] == b'\n';
        let after = &source[at + HEADER.len()..];
        line_start && (after.starts_with('\n') || after.starts_with("\r\n"))
    })
}

/// The `framework` key and its (empty) table, standing in for the framework
/// that starts at `at`: a scan is told apart and its keys checked by it.
pub(super) fn stand_in(at: usize) -> (Spanned<DeString<'static>>, Spanned<DeValue<'static>>) {
    let key = Spanned::new(
        at + 1..at + HEADER.len() - 1,
        DeString::Borrowed("framework"),
    );
    let table = Spanned::new(at..at + HEADER.len(), DeValue::Table(DeTable::new()));
    (key, table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::decode::{scan, scan_sharing};

    fn example() -> String {
        include_str!("../../../scans/examples/robuust-met-aandachtspunten.toml").to_string()
    }

    fn kept(shared: &SharedFrameworks) -> usize {
        shared.entries.lock().expect("lock").len()
    }

    /// Every text read with a shared framework gives exactly what reading
    /// it alone gives: value, warnings, errors with their lines.
    fn assert_same_as_alone(shared: &SharedFrameworks, text: &str) {
        assert_eq!(scan_sharing(text, shared), scan(text), "{text}");
    }

    #[test]
    fn a_framework_is_decoded_once_and_reused_exactly() {
        let shared = SharedFrameworks::default();
        let text = example();
        assert_same_as_alone(&shared, &text);
        assert_eq!(kept(&shared), 0, "not kept from a single scan");
        assert_same_as_alone(&shared, &text);
        assert_eq!(kept(&shared), 1, "learned from a scan without problems");
        let other = text.replacen("region = \"", "region = \"Andere ", 1);
        assert_ne!(scan(&other), scan(&text));
        assert_same_as_alone(&shared, &other);
        // Texts before the framework that parse differently, or not at all,
        // with the framework known: the whole text's own outcome, exactly.
        let at = framework_start(&text).expect("embedded framework");
        let (head, tail) = text.split_at(at);
        for head in [
            head.replacen("region = ", "region = [", 1),
            head.replacen("region = ", "regio = ", 1),
            head.replacen("date = ", "date = 2026-13-01 #", 1),
            format!("{head}[framework.extra]\nx = 1\n"),
            format!("\u{feff}{head}"),
            head.replace('\n', "\r\n"),
            head.replacen("consensus = ", "consensus = \"\u{1b}\" #", 1),
            format!("{head}note = \"\"\"\n"),
            String::new(),
        ] {
            assert_same_as_alone(&shared, &format!("{head}{tail}"));
        }
        assert_eq!(kept(&shared), 1);
    }

    #[test]
    fn a_framework_with_a_problem_or_more_than_itself_is_not_kept() {
        let text = example();
        let at = framework_start(&text).expect("embedded framework");
        let (head, tail) = text.split_at(at);
        for tail in [
            // A hidden character (a warning) in the framework.
            tail.replacen("title = \"", "title = \"\u{7}", 1),
            // A key this version does not know (a warning).
            tail.replacen("title = ", "titel = \"x\"\ntitle = ", 1),
        ] {
            let shared = SharedFrameworks::default();
            let whole = format!("{head}{tail}");
            assert_same_as_alone(&shared, &whole);
            assert_same_as_alone(&shared, &whole);
            assert_eq!(kept(&shared), 0, "{tail}");
        }
        // An answer after the framework: the scan loads without a problem,
        // but its tail is more than the framework.
        let last_answer = head.rfind("\n[answers.").expect("answers") + 1;
        let moved = format!("{}{tail}\n{}", &head[..last_answer], &head[last_answer..]);
        let shared = SharedFrameworks::default();
        assert!(scan(&moved).expect("loads").warnings.is_empty());
        assert_same_as_alone(&shared, &moved);
        assert_same_as_alone(&shared, &moved);
        assert_eq!(kept(&shared), 0);
    }

    #[test]
    fn a_kept_framework_is_used_instead_of_decoding_the_text() {
        let text = example();
        let at = framework_start(&text).expect("embedded framework");
        let shared = SharedFrameworks::default();
        let mut framework = scan(&text).expect("loads").value.framework;
        shared.learn(&text[at..], &framework);
        shared.learn(&text[at..], &framework);
        framework.title = "Uit het geheugen".into();
        shared.entries.lock().expect("lock")[0].1 = Arc::new(framework);
        let loaded = scan_sharing(&text, &shared).expect("loads");
        assert_eq!(loaded.value.framework.title, "Uit het geheugen");
    }

    #[test]
    fn the_framework_starts_at_its_own_line() {
        let text = "a = \"\"\"\n[framework]\n\"\"\"\n[framework]\r\nid = \"x\"\n[framework]x\n";
        assert_eq!(framework_start(text), text.find("[framework]\r\n"));
        assert_eq!(framework_start("[framework.scale]\n"), None);
    }
}
