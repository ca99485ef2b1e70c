//! Comparing two scans of a region over time: the verdict then and now, per
//! theme and per criterion the score then and now and the change, the points
//! of attention that came or went, and what could not be compared. Criteria
//! and themes are matched by id, so a newer framework version compares where
//! its ids match. The agenda too: per criterion the ambition then and now,
//! and each action's status then and now (an action is matched by what it
//! says and who owns it). Pure: two scans in, a [`Comparison`] out.

use std::collections::BTreeSet;

use super::agenda::{ActionStatus, AgendaAction};
use super::scan::{Answer, CriterionAnswer, Scan};
use super::scoring::{AttentionPoint, Evaluation, Verdict, evaluate};

/// Two means closer than this are the same (they come from sums of small whole numbers).
const SAME_WITHIN: f64 = 1e-9;

/// Which way a score moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Up,
    Down,
    Same,
}

impl Change {
    /// The change from `old` to `new`, or `None` when either is missing.
    pub fn between(old: Option<f64>, new: Option<f64>) -> Option<Self> {
        let (old, new) = (old?, new?);
        Some(if (new - old).abs() <= SAME_WITHIN {
            Change::Same
        } else if new > old {
            Change::Up
        } else {
            Change::Down
        })
    }

    /// The key used in CSV and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Change::Up => "hoger",
            Change::Down => "lager",
            Change::Same => "gelijk",
        }
    }
}

/// One theme, then and now.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeChange {
    pub theme_id: String,
    pub title: String,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

impl ThemeChange {
    /// `new - old`, when both have a score.
    pub fn difference(&self) -> Option<f64> {
        Some(self.new? - self.old?)
    }

    pub fn change(&self) -> Option<Change> {
        Change::between(self.old, self.new)
    }
}

/// One criterion, then and now: the score that counts (see `scoring`).
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionChange {
    pub criterion_id: String,
    pub theme_id: String,
    pub title: String,
    pub old: Option<u8>,
    pub new: Option<u8>,
    pub old_answer: Option<Answer>,
    pub new_answer: Option<Answer>,
    pub old_attention: bool,
    pub new_attention: bool,
}

impl CriterionChange {
    pub fn difference(&self) -> Option<i16> {
        Some(i16::from(self.new?) - i16::from(self.old?))
    }

    pub fn change(&self) -> Option<Change> {
        Change::between(self.old.map(f64::from), self.new.map(f64::from))
    }
}

/// Something that is in one scan and cannot be set beside the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotComparable {
    /// The scans were made with different frameworks; only matching ids compare.
    DifferentFramework {
        old: String,
        new: String,
    },
    /// The same framework in another version; only matching ids compare.
    DifferentVersion {
        old: String,
        new: String,
    },
    /// The answer scales differ, so the same number may mean something else.
    DifferentScale,
    /// A criterion only the older scan's framework has.
    CriterionOnlyInOld {
        criterion_id: String,
    },
    /// A criterion only the newer scan's framework has.
    CriterionOnlyInNew {
        criterion_id: String,
    },
    ThemeOnlyInOld {
        theme_id: String,
    },
    ThemeOnlyInNew {
        theme_id: String,
    },
}

/// One action then and now; `None` where that scan does not have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionProgress {
    pub what: String,
    pub owner: String,
    pub then: Option<ActionStatus>,
    pub now: Option<ActionStatus>,
}

/// A criterion's agenda then and now: the ambition's level and every action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaProgress {
    pub criterion_id: String,
    pub ambition_then: Option<u8>,
    pub ambition_now: Option<u8>,
    pub actions: Vec<ActionProgress>,
}

/// The agenda of criterion `id` in both scans, when either has one.
fn agenda_progress(
    old: Option<&CriterionAnswer>,
    new: Option<&CriterionAnswer>,
    id: &str,
) -> Option<AgendaProgress> {
    let level = |answer: Option<&CriterionAnswer>| {
        answer
            .and_then(|a| a.ambition.as_ref())
            .and_then(|a| a.level)
    };
    let actions = |answer: Option<&CriterionAnswer>| -> Vec<AgendaAction> {
        answer.map(|a| a.actions.clone()).unwrap_or_default()
    };
    let same = |a: &AgendaAction, b: &AgendaAction| {
        a.what.trim() == b.what.trim() && a.owner.trim() == b.owner.trim()
    };
    let mut later = actions(new);
    let mut progress = Vec::new();
    for action in actions(old) {
        let now = later
            .iter()
            .position(|candidate| same(candidate, &action))
            .map(|index| later.remove(index).status);
        progress.push(ActionProgress {
            what: action.what,
            owner: action.owner,
            then: Some(action.status),
            now,
        });
    }
    progress.extend(later.into_iter().map(|action| ActionProgress {
        what: action.what,
        owner: action.owner,
        then: None,
        now: Some(action.status),
    }));
    let has_ambition = |answer: Option<&CriterionAnswer>| {
        answer.is_some_and(|a| a.ambition.as_ref().is_some_and(|a| !a.is_empty()))
    };
    (has_ambition(old) || has_ambition(new) || !progress.is_empty()).then(|| AgendaProgress {
        criterion_id: id.to_string(),
        ambition_then: level(old),
        ambition_now: level(new),
        actions: progress,
    })
}

/// Two scans set side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub old_region: String,
    pub new_region: String,
    pub old_date: jiff::civil::Date,
    pub new_date: jiff::civil::Date,
    pub old_verdict: Verdict,
    pub new_verdict: Verdict,
    /// A verdict of an unfinished scan, or of one with nothing scored, is provisional.
    pub old_provisional: bool,
    pub new_provisional: bool,
    pub old_total: Option<f64>,
    pub new_total: Option<f64>,
    /// The themes both frameworks have, in the newer framework's order.
    pub themes: Vec<ThemeChange>,
    /// The criteria both frameworks have, in the newer framework's walk order.
    pub criteria: Vec<CriterionChange>,
    /// Ids of criteria that are a point of attention now and were not then.
    pub became_attention: Vec<String>,
    /// Ids of criteria that were a point of attention then and are not now.
    pub stopped_attention: Vec<String>,
    pub not_comparable: Vec<NotComparable>,
    /// The agenda then and now, per criterion that has one in either scan,
    /// in the newer framework's walk order (then the older's own criteria).
    pub agenda: Vec<AgendaProgress>,
}

impl Comparison {
    pub fn total_change(&self) -> Option<Change> {
        Change::between(self.old_total, self.new_total)
    }
}

/// The ids of the criteria that are a point of attention.
fn attention_ids(evaluation: &Evaluation) -> BTreeSet<&str> {
    evaluation
        .attention
        .iter()
        .filter_map(|point| match point {
            AttentionPoint::Criterion { criterion_id, .. } => Some(criterion_id.as_str()),
            AttentionPoint::ThemeUnknownShare { .. } => None,
        })
        .collect()
}

fn provisional(evaluation: &Evaluation) -> bool {
    !evaluation.is_complete() || evaluation.nothing_scored()
}

/// Sets `old` beside `new`.
pub fn compare(old: &Scan, new: &Scan) -> Comparison {
    let old_eval = evaluate(old);
    let new_eval = evaluate(new);
    let old_attention = attention_ids(&old_eval);
    let new_attention = attention_ids(&new_eval);
    let mut not_comparable = Vec::new();
    if old.framework.id != new.framework.id {
        not_comparable.push(NotComparable::DifferentFramework {
            old: old.framework.id.clone(),
            new: new.framework.id.clone(),
        });
    } else if old.framework.version != new.framework.version {
        not_comparable.push(NotComparable::DifferentVersion {
            old: old.framework.version.clone(),
            new: new.framework.version.clone(),
        });
    }
    let scale_values = |scan: &Scan| -> Vec<u8> {
        scan.framework
            .scale
            .levels
            .iter()
            .map(|level| level.value)
            .collect()
    };
    if scale_values(old) != scale_values(new) {
        not_comparable.push(NotComparable::DifferentScale);
    }

    let themes = new
        .framework
        .themes
        .iter()
        .filter(|theme| old.framework.themes.iter().any(|t| t.id == theme.id))
        .map(|theme| ThemeChange {
            theme_id: theme.id.clone(),
            title: theme.title.clone(),
            old: old_eval.theme(&theme.id).and_then(|result| result.score),
            new: new_eval.theme(&theme.id).and_then(|result| result.score),
        })
        .collect();
    for theme in &old.framework.themes {
        if !new.framework.themes.iter().any(|t| t.id == theme.id) {
            not_comparable.push(NotComparable::ThemeOnlyInOld {
                theme_id: theme.id.clone(),
            });
        }
    }
    for theme in &new.framework.themes {
        if !old.framework.themes.iter().any(|t| t.id == theme.id) {
            not_comparable.push(NotComparable::ThemeOnlyInNew {
                theme_id: theme.id.clone(),
            });
        }
    }

    let answer_of = |scan: &Scan, id: &str| -> Option<Answer> {
        scan.framework
            .criterion_index(id)
            .and_then(|index| scan.answers.get(index))
            .and_then(|answer: &CriterionAnswer| answer.consensus)
    };
    let answer = |scan: &'_ Scan, id: &str| -> Option<CriterionAnswer> {
        scan.framework
            .criterion_index(id)
            .and_then(|index| scan.answers.get(index))
            .cloned()
    };
    let mut agenda = Vec::new();
    for entry in new.framework.criteria() {
        let id = entry.criterion.id.as_str();
        agenda.extend(agenda_progress(
            answer(old, id).as_ref(),
            answer(new, id).as_ref(),
            id,
        ));
    }
    for entry in old.framework.criteria() {
        let id = entry.criterion.id.as_str();
        if new.framework.criterion_index(id).is_none() {
            agenda.extend(agenda_progress(answer(old, id).as_ref(), None, id));
        }
    }
    let mut criteria = Vec::new();
    for entry in new.framework.criteria() {
        let id = entry.criterion.id.as_str();
        if old.framework.criterion_index(id).is_none() {
            not_comparable.push(NotComparable::CriterionOnlyInNew {
                criterion_id: id.to_string(),
            });
            continue;
        }
        criteria.push(CriterionChange {
            criterion_id: id.to_string(),
            theme_id: entry.theme.id.clone(),
            title: entry.criterion.title.clone(),
            old: old_eval.criterion(id).and_then(|r| r.counting_score()),
            new: new_eval.criterion(id).and_then(|r| r.counting_score()),
            old_answer: answer_of(old, id),
            new_answer: answer_of(new, id),
            old_attention: old_attention.contains(id),
            new_attention: new_attention.contains(id),
        });
    }
    for entry in old.framework.criteria() {
        if new.framework.criterion_index(&entry.criterion.id).is_none() {
            not_comparable.push(NotComparable::CriterionOnlyInOld {
                criterion_id: entry.criterion.id.clone(),
            });
        }
    }
    let became_attention = criteria
        .iter()
        .filter(|c| c.new_attention && !c.old_attention)
        .map(|c| c.criterion_id.clone())
        .collect();
    let stopped_attention = criteria
        .iter()
        .filter(|c| c.old_attention && !c.new_attention)
        .map(|c| c.criterion_id.clone())
        .collect();
    Comparison {
        old_region: old.meta.region.clone(),
        new_region: new.meta.region.clone(),
        old_date: old.meta.date,
        new_date: new.meta.date,
        old_verdict: old_eval.verdict(),
        new_verdict: new_eval.verdict(),
        old_provisional: provisional(&old_eval),
        new_provisional: provisional(&new_eval),
        old_total: old_eval.total,
        new_total: new_eval.total,
        themes,
        criteria,
        became_attention,
        stopped_attention,
        not_comparable,
        agenda,
    }
}

/// One criterion of an earlier scan, for the walkthrough: what was agreed
/// then, and how the score that counts moved since.
#[derive(Debug, Clone, PartialEq)]
pub struct LastTime {
    pub date: jiff::civil::Date,
    pub consensus: Option<Answer>,
    pub agreement: Option<super::scan::Agreement>,
    pub note: String,
    /// The actions agreed then, as they stood.
    pub actions: Vec<super::agenda::AgendaAction>,
    /// The score that counted then and counts now.
    pub then: Option<u8>,
    pub now: Option<u8>,
}

impl LastTime {
    pub fn change(&self) -> Option<Change> {
        Change::between(self.then.map(f64::from), self.now.map(f64::from))
    }
}

/// What `previous` recorded for `current`'s criterion `criterion_id`, matched
/// by id; `None` when the earlier framework lacks it.
pub fn last_time(previous: &Scan, current: &Scan, criterion_id: &str) -> Option<LastTime> {
    let old_index = previous.framework.criterion_index(criterion_id)?;
    let old = previous.answers.get(old_index)?;
    let now = current
        .framework
        .criterion_index(criterion_id)
        .and_then(|index| current.answers.get(index))
        .and_then(|answer| super::scoring::counting_score(answer, &current.framework))
        .map(|counting| counting.score);
    Some(LastTime {
        date: previous.meta.date,
        consensus: old.consensus,
        agreement: old.agreement,
        note: old.consensus_note.clone(),
        actions: old.actions.clone(),
        then: super::scoring::counting_score(old, &previous.framework).map(|c| c.score),
        now,
    })
}

/// Whether `candidate` is an earlier scan of the same region and framework
/// as `current` (not homework): what the walkthrough offers as last time.
pub fn is_earlier_scan_of(candidate: &Scan, current: &Scan) -> bool {
    candidate.prepared_for.is_none()
        && candidate.framework.id == current.framework.id
        && candidate.meta.region.trim().to_lowercase() == current.meta.region.trim().to_lowercase()
        && candidate.meta.date < current.meta.date
}
