//! The frameworks compiled into the binary, so a facilitator can start a scan
//! without any file at hand.

use crate::model::Framework;

/// The source text of each bundled framework, in display order: the Dutch
/// original, then its English translation.
pub(super) const SOURCES: [(&str, &str); 2] = [
    (
        "robuuste-jeugdhulpregio.toml",
        include_str!("../../scans/frameworks/robuuste-jeugdhulpregio.toml"),
    ),
    (
        "robuuste-jeugdhulpregio.en.toml",
        include_str!("../../scans/frameworks/robuuste-jeugdhulpregio.en.toml"),
    ),
];

pub(super) fn frameworks() -> Vec<Framework> {
    SOURCES
        .iter()
        .map(|(name, source)| {
            // A bundled file is part of the program, not user input; the unit
            // test below proves each one parses, so a failure here is a build bug.
            super::parse_framework(source)
                .unwrap_or_else(|problems| {
                    panic!("bundled framework {name} does not parse: {problems:?}")
                })
                .value
        })
        .collect()
}

/// The file name of the bundled framework with `id`, and whether `source` is
/// exactly its text.
pub(super) fn with_id(id: &str, source: &str) -> Option<(&'static str, bool)> {
    SOURCES
        .iter()
        .zip(frameworks())
        .find(|(_, framework)| framework.id == id)
        .map(|((name, text), _)| (*name, super::text::strip_bom(source) == *text))
}

/// [`frameworks`] with those in `language` first; otherwise in display order.
pub(super) fn frameworks_for(language: &str) -> Vec<Framework> {
    let mut frameworks = frameworks();
    // A stable sort keeps the display order within each group.
    frameworks.sort_by_key(|framework| framework.language != language);
    frameworks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_framework_parses_without_warnings() {
        for (name, source) in SOURCES {
            let loaded = super::super::parse_framework(source)
                .unwrap_or_else(|problems| panic!("{name}: {problems:#?}"));
            assert!(loaded.warnings.is_empty(), "{name}: {:#?}", loaded.warnings);
        }
        let frameworks = frameworks();
        assert_eq!(frameworks.len(), SOURCES.len());
        let robust = &frameworks[0];
        assert_eq!(robust.id, "robuuste-jeugdhulpregio");
        assert_eq!(robust.perspectives.len(), 2);
        assert_eq!(robust.scale.levels.len(), 4);
        assert_eq!(robust.themes.len(), 6);
        assert_eq!(robust.weighting.theme_weight("T6"), 0.5);
        assert_eq!(robust.weighting.attention_unknown_share_above, (1, 3));
        assert!(robust.themes[0].criteria[0].critical);
    }

    /// The translation differs only in words: ids, version, scale values,
    /// critical criteria and the weighting are those of the original.
    #[test]
    fn the_english_framework_is_the_dutch_one_in_other_words() {
        let frameworks = frameworks();
        let (dutch, english) = (&frameworks[0], &frameworks[1]);
        assert_eq!(dutch.language, "nl");
        assert_eq!(english.language, "en");
        assert_eq!(english.id, "robust-youth-care-region");
        assert_eq!(english.version, dutch.version);
        assert_ne!(english.title, dutch.title);
        assert_ne!(english.description, dutch.description);
        assert_eq!(english.weighting, dutch.weighting);
        let ids = |framework: &Framework| -> Vec<String> {
            framework
                .perspectives
                .iter()
                .map(|p| p.id.clone())
                .collect()
        };
        assert_eq!(ids(english), ids(dutch));
        assert_eq!(english.themes.len(), dutch.themes.len());
        for (en, nl) in english.themes.iter().zip(&dutch.themes) {
            assert_eq!(en.id, nl.id);
            assert_ne!(en.title, nl.title, "{}", en.id);
            assert_ne!(en.description, nl.description, "{}", en.id);
            assert_eq!(en.criteria.len(), nl.criteria.len(), "{}", en.id);
            for (en, nl) in en.criteria.iter().zip(&nl.criteria) {
                assert_eq!(en.id, nl.id);
                assert_eq!(en.critical, nl.critical, "{}", en.id);
                assert_ne!(en.title, nl.title, "{}", en.id);
                assert_ne!(en.description, nl.description, "{}", en.id);
                assert_eq!(en.questions.len(), nl.questions.len(), "{}", en.id);
                for (en_q, nl_q) in en.questions.iter().zip(&nl.questions) {
                    assert_ne!(en_q, nl_q, "{}", en.id);
                }
            }
        }
        for (en, nl) in english.scale.levels.iter().zip(&dutch.scale.levels) {
            assert_eq!(en.value, nl.value);
            assert_ne!(en.label, nl.label);
            assert_ne!(en.meaning, nl.meaning);
        }
        assert_eq!(english.scale.levels.len(), dutch.scale.levels.len());
        assert_eq!(english.agreement_levels.len(), dutch.agreement_levels.len());
        for (en, nl) in english.agreement_levels.iter().zip(&dutch.agreement_levels) {
            assert_eq!(en.level, nl.level);
            assert_ne!(en.meaning, nl.meaning);
        }
    }

    #[test]
    fn the_framework_in_the_interface_language_comes_first() {
        assert_eq!(frameworks_for("nl")[0].language, "nl");
        assert_eq!(frameworks_for("en")[0].language, "en");
        assert_eq!(frameworks_for("en")[1].language, "nl");
        assert_eq!(frameworks_for("fr")[0].language, "nl", "display order");
    }
}
