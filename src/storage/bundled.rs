//! The frameworks compiled into the binary, so a facilitator can start a scan
//! without any file at hand.

use crate::model::Framework;

/// The source text of each bundled framework, in display order.
pub(super) const SOURCES: [(&str, &str); 1] = [(
    "robuuste-jeugdhulpregio.toml",
    include_str!("../../scans/frameworks/robuuste-jeugdhulpregio.toml"),
)];

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
}
