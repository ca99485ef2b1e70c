//! A framework (*kader*): the answer scale, the perspectives, the themes with
//! their criteria, and the weighting rule that turns answers into a verdict.

use super::extra::Extra;
use super::scan::Agreement;

/// A complete framework, as loaded from a framework file or embedded in a scan.
#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    /// Stable identifier, e.g. `robuuste-jeugdhulpregio`.
    pub id: String,
    pub title: String,
    /// Free-form version of the framework content, e.g. `2026.1`.
    pub version: String,
    /// Language of the content, e.g. `nl`.
    pub language: String,
    pub description: String,
    pub scale: AnswerScale,
    /// Who gives a view on each criterion, in display order. At least one.
    pub perspectives: Vec<Perspective>,
    /// Labels for the three agreement levels, in the order of [`Agreement::ALL`].
    pub agreement_levels: Vec<AgreementLevelDef>,
    pub themes: Vec<Theme>,
    pub weighting: Weighting,
    /// Top-level keys this version does not know, kept for saving.
    pub extra: Extra,
    /// Where each criterion id sits, built on the first look-up; see
    /// [`CriterionIndex`]. `CriterionIndex::default()` when constructing.
    pub index: CriterionIndex,
}

/// The answer scale: numbered levels plus the two answers that are not scores.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerScale {
    /// Ascending by value; values are 1..=9 so a single key can pick them.
    pub levels: Vec<ScaleLevel>,
    /// "Onbekend": answered, but the group does not know.
    pub unknown: SpecialAnswerDef,
    /// "N.v.t.": answered, but the criterion does not apply.
    pub not_applicable: SpecialAnswerDef,
    /// Keys of `[scale]` this version does not know, kept for saving.
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScaleLevel {
    pub value: u8,
    pub label: String,
    pub meaning: String,
    /// Keys of `[[scale.levels]]` this version does not know, kept for saving.
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SpecialAnswerDef {
    pub label: String,
    pub meaning: String,
    /// Keys this version does not know, kept for saving.
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Perspective {
    /// Stable key used in scan files; letters, digits, `-` and `_` only.
    pub id: String,
    pub label: String,
    /// Keys of `[[perspectives]]` this version does not know, kept for saving.
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AgreementLevelDef {
    pub level: Agreement,
    pub label: String,
    pub meaning: String,
    /// Keys of `[[agreement_levels]]` this version does not know, kept for saving.
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Stable key, e.g. `T1`.
    pub id: String,
    pub title: String,
    pub description: String,
    /// Minutes planned for the whole theme, spread over its criteria that
    /// plan none of their own; see `model::timebox`.
    pub minutes: Option<u32>,
    pub criteria: Vec<Criterion>,
    /// Keys of `[[themes]]` this version does not know, kept for saving.
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// Stable key, e.g. `VIS-1`; letters, digits, `-` and `_` only.
    pub id: String,
    pub title: String,
    pub description: String,
    /// The guiding questions (*hulpvragen*) read aloud in the room.
    pub questions: Vec<String>,
    /// A critical criterion can decide the verdict on its own.
    pub critical: bool,
    /// Minutes planned for this criterion in the workshop.
    pub minutes: Option<u32>,
    /// Keys of `[[themes.criteria]]` this version does not know, kept for saving.
    pub extra: Extra,
}

/// The weighting rule (*wegingskader*). The numbers are data so that other
/// frameworks can set their own; see `model::scoring` for how they are used.
#[derive(Debug, Clone, PartialEq)]
pub struct Weighting {
    /// Weight per theme id, in theme order. A theme missing here weighs 1.0.
    pub theme_weights: Vec<(String, f64)>,
    /// Themes that must each be strong enough for a robust verdict.
    pub core_themes: Vec<String>,
    /// Vervolgtraject when the total is below this.
    pub follow_up_total_below: f64,
    /// Vervolgtraject when any core theme is below this.
    pub follow_up_core_theme_below: f64,
    /// Vervolgtraject when a critical criterion scores at or below this.
    pub follow_up_critical_at_most: u8,
    /// Robuust needs a total of at least this.
    pub robust_total_at_least: f64,
    /// Robuust needs every core theme at least this.
    pub robust_core_theme_at_least: f64,
    /// Robuust needs every criterion above this (no criterion scores this or lower).
    pub robust_any_criterion_above: u8,
    /// Robuust needs every critical criterion at least this.
    pub robust_critical_at_least: u8,
    /// A point of attention for every criterion scoring at or below this.
    pub attention_score_at_most: u8,
    /// A point of attention where two perspective scores differ by at least this.
    pub attention_perspective_gap: u8,
    /// A point of attention for a theme where more than this fraction is "onbekend",
    /// as (numerator, denominator) so that "more than a third" is exact.
    pub attention_unknown_share_above: (u32, u32),
    /// Keys of `[weighting]` and its tables this version does not know, kept for saving.
    pub extra: WeightingExtra,
}

/// The unknown keys of `[weighting]` and of its three threshold tables
/// (`theme_weights` has none: every key there is a theme id).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeightingExtra {
    pub weighting: Extra,
    pub follow_up: Extra,
    pub robust: Extra,
    pub attention: Extra,
}

impl Weighting {
    /// The weight of a theme; 1.0 unless the framework says otherwise.
    pub fn theme_weight(&self, theme_id: &str) -> f64 {
        self.theme_weights
            .iter()
            .find(|(id, _)| id == theme_id)
            .map_or(1.0, |(_, weight)| *weight)
    }

    pub fn is_core_theme(&self, theme_id: &str) -> bool {
        self.core_themes.iter().any(|id| id == theme_id)
    }
}

impl Default for Weighting {
    /// The rule of the bundled robustness framework (domain.md §5.3), with every
    /// theme counted as a core theme of weight 1.0.
    fn default() -> Self {
        Self {
            theme_weights: Vec::new(),
            core_themes: Vec::new(),
            follow_up_total_below: 2.5,
            follow_up_core_theme_below: 2.0,
            follow_up_critical_at_most: 1,
            robust_total_at_least: 3.0,
            robust_core_theme_at_least: 2.5,
            robust_any_criterion_above: 1,
            robust_critical_at_least: 3,
            attention_score_at_most: 2,
            attention_perspective_gap: 2,
            attention_unknown_share_above: (1, 3),
            extra: WeightingExtra::default(),
        }
    }
}

/// Where a criterion sits in a framework: its theme and its place in the walk.
#[derive(Debug, Clone, Copy)]
pub struct CriterionRef<'a> {
    /// Position in the walk over all criteria, 0-based.
    pub index: usize,
    pub theme_index: usize,
    pub theme: &'a Theme,
    pub criterion: &'a Criterion,
}

impl Framework {
    /// All criteria in walk order (theme by theme), with their theme.
    pub fn criteria(&self) -> impl Iterator<Item = CriterionRef<'_>> {
        self.themes
            .iter()
            .enumerate()
            .flat_map(|(theme_index, theme)| {
                theme
                    .criteria
                    .iter()
                    .map(move |criterion| (theme_index, theme, criterion))
            })
            .enumerate()
            .map(|(index, (theme_index, theme, criterion))| CriterionRef {
                index,
                theme_index,
                theme,
                criterion,
            })
    }

    pub fn criterion_count(&self) -> usize {
        self.themes.iter().map(|theme| theme.criteria.len()).sum()
    }

    /// The criterion at a position in the walk (steps over whole themes, so
    /// the cost is the number of themes, not of criteria).
    pub fn criterion_at(&self, index: usize) -> Option<CriterionRef<'_>> {
        let mut start = 0;
        for (theme_index, theme) in self.themes.iter().enumerate() {
            if let Some(criterion) = theme.criteria.get(index - start) {
                return Some(CriterionRef {
                    index,
                    theme_index,
                    theme,
                    criterion,
                });
            }
            start += theme.criteria.len();
            if start > index {
                return None;
            }
        }
        None
    }

    /// The criterion with this id, with its theme and walk position. Looked
    /// up in the index and checked against the themes; an id the index does
    /// not place (unknown, or the themes changed) is looked for by walking.
    pub fn criterion_by_id(&self, criterion_id: &str) -> Option<CriterionRef<'_>> {
        let Some((theme_index, at)) = self.index.place(self, criterion_id) else {
            return self
                .criteria()
                .find(|entry| entry.criterion.id == criterion_id);
        };
        let theme = &self.themes[theme_index];
        let start: usize = self.themes[..theme_index]
            .iter()
            .map(|theme| theme.criteria.len())
            .sum();
        Some(CriterionRef {
            index: start + at,
            theme_index,
            theme,
            criterion: &theme.criteria[at],
        })
    }

    /// Every criterion id with its walk position, to look many up in
    /// constant time each (a scan of 20,000 criteria has 20,000 answers).
    pub fn criterion_positions(&self) -> std::collections::HashMap<&str, usize> {
        self.criteria()
            .map(|entry| (entry.criterion.id.as_str(), entry.index))
            .collect()
    }

    /// The walk position of a criterion id.
    pub fn criterion_index(&self, criterion_id: &str) -> Option<usize> {
        self.criterion_by_id(criterion_id).map(|entry| entry.index)
    }

    /// The scale level with this value, if the scale has one.
    pub fn scale_level(&self, value: u8) -> Option<&ScaleLevel> {
        self.scale.levels.iter().find(|level| level.value == value)
    }

    pub fn agreement_label(&self, level: Agreement) -> &str {
        self.agreement_levels
            .iter()
            .find(|def| def.level == level)
            .map_or("", |def| def.label.as_str())
    }

    /// "T3 Structuur" for a theme id (the id alone if the theme is unknown).
    pub fn theme_name(&self, theme_id: &str) -> String {
        self.themes
            .iter()
            .find(|theme| theme.id == theme_id)
            .map_or_else(
                || theme_id.to_string(),
                |theme| format!("{} {}", theme.id, theme.title),
            )
    }

    /// "VIS-1 Vastgestelde regiovisie" for a criterion id (the id alone if unknown).
    pub fn criterion_name(&self, criterion_id: &str) -> String {
        self.criterion_by_id(criterion_id).map_or_else(
            || criterion_id.to_string(),
            |entry| format!("{} {}", entry.criterion.id, entry.criterion.title),
        )
    }

    /// The label of a perspective id (the id itself if unknown).
    pub fn perspective_label(&self, perspective_id: &str) -> String {
        self.perspectives
            .iter()
            .find(|p| p.id == perspective_id)
            .map_or_else(|| perspective_id.to_string(), |p| p.label.clone())
    }

    pub fn perspective_index(&self, perspective_id: &str) -> Option<usize> {
        self.perspectives
            .iter()
            .position(|p| p.id == perspective_id)
    }
}

/// Each criterion id's theme and place in that theme, so that a report with
/// thousands of points of attention names each in a few comparisons instead
/// of walking the framework. Built once, on the first look-up; a clone
/// starts empty. The places are sorted by the id they point to and hold no
/// copy of it (a map of copied ids took 180 KB at 2,000 criteria). The
/// themes are public and may change after a look-up, so every hit is the
/// id itself, compared, and a miss (rare: an unknown id, or the themes
/// changed) walks the themes as without an index. Ids are unique within a
/// framework (checked on load).
#[derive(Default)]
pub struct CriterionIndex(std::sync::OnceLock<IndexData>);

struct IndexData {
    /// (theme, place in theme), sorted by the criterion's id.
    places: Vec<(u32, u32)>,
}

impl CriterionIndex {
    fn data(&self, framework: &Framework) -> &IndexData {
        self.0.get_or_init(|| {
            let mut places: Vec<(u32, u32)> = Vec::new();
            for (theme_index, theme) in framework.themes.iter().enumerate() {
                for at in 0..theme.criteria.len() {
                    if let (Ok(theme_index), Ok(at)) =
                        (u32::try_from(theme_index), u32::try_from(at))
                    {
                        places.push((theme_index, at));
                    }
                }
            }
            places.sort_by(|a, b| id_at(framework, *a).cmp(&id_at(framework, *b)));
            places.shrink_to_fit();
            IndexData { places }
        })
    }

    /// The (theme, place in theme) of an id, if the index has it and it is
    /// still there.
    fn place(&self, framework: &Framework, criterion_id: &str) -> Option<(usize, usize)> {
        let places = &self.data(framework).places;
        // The first place with this id (the first in walk order, as the sort
        // is stable), if it is one.
        let first = places.partition_point(|place| id_at(framework, *place) < Some(criterion_id));
        let (theme_index, at) = *places.get(first)?;
        (id_at(framework, (theme_index, at)) == Some(criterion_id))
            .then_some((theme_index as usize, at as usize))
    }
}

/// The id of the criterion at (theme, place in theme), if there is one.
fn id_at(framework: &Framework, (theme_index, at): (u32, u32)) -> Option<&str> {
    let criterion = framework
        .themes
        .get(theme_index as usize)?
        .criteria
        .get(at as usize)?;
    Some(criterion.id.as_str())
}

impl Clone for CriterionIndex {
    fn clone(&self) -> Self {
        Self::default()
    }
}

/// Always equal: the index is derived from the themes, which are compared.
impl PartialEq for CriterionIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for CriterionIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CriterionIndex")
    }
}

/// Whether a string may serve as an id in files: non-empty, and only ASCII
/// letters, digits, `-` and `_`, so it is a bare TOML key.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    #[test]
    fn criterion_positions_agree_with_the_walk() {
        let framework = crate::storage::bundled_frameworks().remove(0);
        let positions = framework.criterion_positions();
        assert_eq!(positions.len(), framework.criteria().count());
        for entry in framework.criteria() {
            assert_eq!(positions[entry.criterion.id.as_str()], entry.index);
            assert_eq!(
                framework.criterion_index(&entry.criterion.id),
                Some(entry.index)
            );
        }
    }

    #[test]
    fn look_ups_by_id_and_position_agree_with_the_walk() {
        let framework = crate::storage::bundled_frameworks().remove(0);
        for entry in framework.criteria() {
            let by_id = framework.criterion_by_id(&entry.criterion.id).expect("id");
            let at = framework.criterion_at(entry.index).expect("index");
            for found in [by_id, at] {
                assert_eq!(found.index, entry.index);
                assert_eq!(found.theme_index, entry.theme_index);
                assert_eq!(found.criterion.id, entry.criterion.id);
            }
        }
        let count = framework.criterion_count();
        assert!(framework.criterion_at(count).is_none());
        assert!(framework.criterion_by_id("NO-SUCH").is_none());
        assert_eq!(framework.criterion_name("NO-SUCH"), "NO-SUCH");
    }

    #[test]
    fn an_id_given_twice_is_found_where_the_walk_finds_it_first() {
        // Never so in a loaded file (checked on load), but a framework made
        // in code may: the index says what walking the themes would.
        let mut framework = crate::storage::bundled_frameworks().remove(0);
        let last_theme = framework.themes.len() - 1;
        let twice = framework.themes[last_theme].criteria[0].id.clone();
        framework.themes[0].criteria[1].id = twice.clone();
        let walked = framework
            .criteria()
            .find(|entry| entry.criterion.id == twice)
            .map(|entry| entry.index);
        assert_eq!(walked, Some(1));
        assert_eq!(framework.criterion_index(&twice), walked);
    }

    #[test]
    fn look_ups_follow_themes_changed_after_the_index_was_built() {
        let mut framework = crate::storage::bundled_frameworks().remove(0);
        let first = framework.themes[0].criteria[0].id.clone();
        assert_eq!(framework.criterion_index(&first), Some(0));
        // Rename the first criterion and move the second theme's first one to the front.
        framework.themes[0].criteria[0].id = "NEW-1".into();
        let moved = framework.themes[1].criteria.remove(0);
        let moved_id = moved.id.clone();
        framework.themes[0].criteria.insert(0, moved);
        assert_eq!(framework.criterion_index(&first), None);
        assert_eq!(framework.criterion_index("NEW-1"), Some(1));
        assert_eq!(framework.criterion_index(&moved_id), Some(0));
        for entry in framework.criteria() {
            assert_eq!(
                framework.criterion_index(&entry.criterion.id),
                Some(entry.index)
            );
            let at = framework.criterion_at(entry.index).expect("index");
            assert_eq!(at.criterion.id, entry.criterion.id);
        }
        // A clone starts with an empty index and finds the same.
        let clone = framework.clone();
        assert_eq!(clone, framework);
        assert_eq!(clone.criterion_index("NEW-1"), Some(1));
    }
}
