//! Whether a framework's weighting rule can work at all: thresholds that no
//! scan can reach (or that every scan reaches), a theme left out of the
//! weights, a scale with a gap. `check` rejects a framework file with any of
//! these; the words are the catalogue's.

use super::exact::Exact;
use super::framework::Framework;

/// A flaw that makes a framework's rule unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleFlaw {
    /// The scale's values have a gap (1, 2, 4): theme scores are means and
    /// thresholds are distances on the scale, which needs equal steps.
    ScaleNotConsecutive { values: Vec<u8> },
    /// `[weighting.theme_weights]` weighs some themes but not this one.
    ThemeWithoutWeight { theme_id: String },
    /// A robust threshold no score on the scale can meet: robuust is unreachable.
    RobustUnreachable {
        /// The dotted key, e.g. `weighting.robust.total_at_least`.
        key: &'static str,
        /// The threshold as written, e.g. `4.5`.
        value: String,
        highest: u8,
    },
    /// A follow-up threshold every score on the scale meets: every scan
    /// would need a follow-up.
    FollowUpAlways {
        key: &'static str,
        value: String,
        highest: u8,
    },
}

impl RuleFlaw {
    /// The dotted key of the framework file the flaw is about.
    pub fn key(&self) -> String {
        match self {
            RuleFlaw::ScaleNotConsecutive { .. } => "scale.levels".to_owned(),
            RuleFlaw::ThemeWithoutWeight { theme_id } => {
                format!("weighting.theme_weights.{theme_id}")
            }
            RuleFlaw::RobustUnreachable { key, .. } | RuleFlaw::FollowUpAlways { key, .. } => {
                (*key).to_owned()
            }
        }
    }
}

/// Every flaw of a framework's rule, in the order of the file: scale, weights,
/// follow-up thresholds, robust thresholds.
pub fn rule_flaws(framework: &Framework) -> Vec<RuleFlaw> {
    let mut flaws = Vec::new();
    let values: Vec<u8> = framework
        .scale
        .levels
        .iter()
        .map(|level| level.value)
        .collect();
    let (Some(&lowest), Some(&highest)) = (values.iter().min(), values.iter().max()) else {
        return flaws; // no scale: the decoder already said so
    };
    if usize::from(highest - lowest) + 1 != values.len() {
        let mut sorted = values.clone();
        sorted.sort_unstable();
        flaws.push(RuleFlaw::ScaleNotConsecutive { values: sorted });
    }

    let weighting = &framework.weighting;
    if !weighting.theme_weights.is_empty() {
        for theme in &framework.themes {
            if !weighting
                .theme_weights
                .iter()
                .any(|(id, _)| *id == theme.id)
            {
                flaws.push(RuleFlaw::ThemeWithoutWeight {
                    theme_id: theme.id.clone(),
                });
            }
        }
    }

    let has_core = !weighting.core_themes.is_empty();
    let has_critical = framework.criteria().any(|entry| entry.criterion.critical);
    let top = Exact::integer(i64::from(highest));
    let above_top = |value: f64| Exact::from_decimal_f64(value) > top;
    let written = |value: f64| {
        let exact = Exact::from_decimal_f64(value);
        exact.exact_decimal().unwrap_or_else(|| exact.fraction())
    };

    // A follow-up threshold above the highest level catches every score.
    let follow_up = [
        (
            "weighting.follow_up.total_below",
            true,
            above_top(weighting.follow_up_total_below),
            written(weighting.follow_up_total_below),
        ),
        (
            "weighting.follow_up.core_theme_below",
            has_core,
            above_top(weighting.follow_up_core_theme_below),
            written(weighting.follow_up_core_theme_below),
        ),
        (
            "weighting.follow_up.critical_at_most",
            has_critical,
            weighting.follow_up_critical_at_most >= highest,
            weighting.follow_up_critical_at_most.to_string(),
        ),
    ];
    for (key, applies, flawed, value) in follow_up {
        if applies && flawed {
            flaws.push(RuleFlaw::FollowUpAlways {
                key,
                value,
                highest,
            });
        }
    }

    // A robust threshold above the highest level can never be met.
    let robust = [
        (
            "weighting.robust.total_at_least",
            true,
            above_top(weighting.robust_total_at_least),
            written(weighting.robust_total_at_least),
        ),
        (
            "weighting.robust.core_theme_at_least",
            has_core,
            above_top(weighting.robust_core_theme_at_least),
            written(weighting.robust_core_theme_at_least),
        ),
        (
            "weighting.robust.any_criterion_above",
            true,
            weighting.robust_any_criterion_above >= highest,
            weighting.robust_any_criterion_above.to_string(),
        ),
        (
            "weighting.robust.critical_at_least",
            has_critical,
            weighting.robust_critical_at_least > highest,
            weighting.robust_critical_at_least.to_string(),
        ),
    ];
    for (key, applies, flawed, value) in robust {
        if applies && flawed {
            flaws.push(RuleFlaw::RobustUnreachable {
                key,
                value,
                highest,
            });
        }
    }
    flaws
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Framework {
        crate::storage::bundled_frameworks().remove(0)
    }

    #[test]
    fn the_bundled_framework_works() {
        assert_eq!(rule_flaws(&bundled()), Vec::new());
    }

    #[test]
    fn unreachable_and_inescapable_thresholds() {
        let mut framework = bundled();
        framework.weighting.robust_total_at_least = 4.000_000_1;
        framework.weighting.robust_core_theme_at_least = 4.0; // reachable: exactly the top
        framework.weighting.follow_up_critical_at_most = 4;
        assert_eq!(
            rule_flaws(&framework),
            vec![
                RuleFlaw::FollowUpAlways {
                    key: "weighting.follow_up.critical_at_most",
                    value: "4".into(),
                    highest: 4,
                },
                RuleFlaw::RobustUnreachable {
                    key: "weighting.robust.total_at_least",
                    value: "4.0000001".into(),
                    highest: 4,
                },
            ]
        );
    }

    #[test]
    fn core_and_critical_thresholds_matter_only_when_there_are_such() {
        let mut framework = bundled();
        framework.weighting.core_themes.clear();
        framework.weighting.robust_core_theme_at_least = 9.0;
        for theme in &mut framework.themes {
            for criterion in &mut theme.criteria {
                criterion.critical = false;
            }
        }
        framework.weighting.robust_critical_at_least = 9;
        assert_eq!(rule_flaws(&framework), Vec::new());
    }

    #[test]
    fn a_gap_in_the_scale_and_a_theme_without_weight() {
        let mut framework = bundled();
        framework.scale.levels.retain(|level| level.value != 3);
        framework
            .weighting
            .theme_weights
            .retain(|(id, _)| id != "T2");
        assert_eq!(
            rule_flaws(&framework),
            vec![
                RuleFlaw::ScaleNotConsecutive {
                    values: vec![1, 2, 4]
                },
                RuleFlaw::ThemeWithoutWeight {
                    theme_id: "T2".into()
                },
            ]
        );
        // No weights at all: every theme weighs 1, as documented.
        framework.weighting.theme_weights.clear();
        assert_eq!(rule_flaws(&framework).len(), 1);
    }
}
