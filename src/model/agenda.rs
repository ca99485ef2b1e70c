//! The regional agenda: per criterion an ambition (where the region wants to
//! be, by when, what it takes) and the actions that get it there, each with an
//! owner, a due date and a status. Also the list of every action across one
//! or more scans, and reading an owner out of a version-1 free-text action.

use jiff::civil::Date;

use super::extra::Extra;
use super::framework::Framework;
use super::scan::{Scan, ScanMeta};
use super::scoring::{AttentionPoint, Evaluation};

/// Where the region wants to be on a criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ambition {
    /// A value on the framework's scale.
    pub level: Option<u8>,
    /// By when.
    pub due: Option<Date>,
    /// What it takes to get there.
    pub needed: String,
    /// Keys of `[answers.X.ambition]` this version does not know, kept for saving.
    pub extra: Extra,
}

impl Ambition {
    /// True when nothing is set, so the file need not list it.
    pub fn is_empty(&self) -> bool {
        self.level.is_none()
            && self.due.is_none()
            && self.needed.is_empty()
            && self.extra.is_empty()
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActionStatus {
    #[default]
    Open,
    /// "lopend": under way.
    Ongoing,
    /// "klaar": done.
    Done,
    /// "vervallen": dropped.
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Open,
        ActionStatus::Ongoing,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The key used in files.
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Ongoing => "lopend",
            ActionStatus::Done => "klaar",
            ActionStatus::Dropped => "vervallen",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.key() == key)
    }

    /// Still to be done: open or under way.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::Ongoing)
    }
}

/// One action on the agenda.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgendaAction {
    pub what: String,
    pub owner: String,
    pub due: Option<Date>,
    pub status: ActionStatus,
    /// Never shown on the projector.
    pub private: bool,
    /// Set on a follow-up scan: the date of the scan the action was carried from.
    pub carried_from: Option<Date>,
    /// Keys of `[[answers.X.actions]]` this version does not know, kept for saving.
    pub extra: Extra,
}

impl AgendaAction {
    /// A new, empty action with status open.
    pub fn new() -> Self {
        Self::default()
    }

    /// Past its due date while still open or under way.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_pending() && self.due.is_some_and(|due| due < today)
    }
}

/// A version-1 free-text action as a structured one: status open, and the
/// owner taken out of the text when it is written as "eigenaar: NAME" exactly
/// once, with NAME ending at `;`, `,` or `)`. Otherwise the owner stays empty
/// and the text whole.
pub fn action_from_text(text: &str, private: bool) -> AgendaAction {
    let (what, owner) = split_owner(text).unwrap_or_else(|| (text.to_string(), String::new()));
    AgendaAction {
        what,
        owner,
        private,
        ..AgendaAction::new()
    }
}

const OWNER_MARK: &str = "eigenaar:";

/// `(text without the owner, owner)` when the owner is unambiguous.
fn split_owner(text: &str) -> Option<(String, String)> {
    let lower = text.to_lowercase();
    // Lower-casing may change byte lengths; only trust positions when it did not.
    if lower.len() != text.len() {
        return None;
    }
    let mut found = lower.match_indices(OWNER_MARK);
    let (start, _) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let name_start = start + OWNER_MARK.len();
    let rest = &text[name_start..];
    let end = rest.find([';', ',', ')'])?;
    let owner = rest[..end].trim();
    if owner.is_empty() {
        return None;
    }
    let terminator = rest[end..].chars().next()?;
    let after_name = name_start + end;
    let before = &text[..start];
    let opened = before.trim_end().ends_with('(');
    let what = match (opened, terminator) {
        // "… (eigenaar: NAME)" → "…"
        (true, ')') => {
            let open = before.trim_end().len() - 1;
            format!("{}{}", text[..open].trim_end(), &text[after_name + 1..])
        }
        // "… (eigenaar: NAME; rest)" → "… (rest)"
        (_, ';' | ',') => format!("{}{}", before, text[after_name + 1..].trim_start()),
        // "… , eigenaar: NAME)" → "…)"
        _ => format!(
            "{}{}",
            before.trim_end().trim_end_matches([',', ';']).trim_end(),
            &text[after_name..]
        ),
    };
    Some((what.trim().to_string(), owner.to_string()))
}

/// How the agenda list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AgendaSort {
    /// Earliest due date first; no date last.
    #[default]
    Due,
    Owner,
    Status,
}

impl AgendaSort {
    pub const ALL: [AgendaSort; 3] = [AgendaSort::Due, AgendaSort::Owner, AgendaSort::Status];

    /// The next order, for a key that cycles through them.
    pub fn next(self) -> Self {
        match self {
            AgendaSort::Due => AgendaSort::Owner,
            AgendaSort::Owner => AgendaSort::Status,
            AgendaSort::Status => AgendaSort::Due,
        }
    }

    /// The key used on the command line.
    pub fn key(self) -> &'static str {
        match self {
            AgendaSort::Due => "due",
            AgendaSort::Owner => "owner",
            AgendaSort::Status => "status",
        }
    }
}

/// One action in the agenda list, with where it belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem<'a> {
    /// Position of the scan in the list given to [`agenda_items`].
    pub scan: usize,
    /// Position of the criterion in the scan's walk.
    pub criterion: usize,
    pub criterion_id: &'a str,
    pub criterion_title: &'a str,
    /// Position of the action among the criterion's actions.
    pub index: usize,
    pub action: &'a AgendaAction,
    pub overdue: bool,
}

/// Every action of the scans, in the given order (stable: walk order breaks ties).
pub fn agenda_items<'a>(scans: &[&'a Scan], sort: AgendaSort, today: Date) -> Vec<AgendaItem<'a>> {
    let mut items = Vec::new();
    for (scan_index, scan) in scans.iter().enumerate() {
        for (position, (entry, answer)) in scan.framework.criteria().zip(&scan.answers).enumerate()
        {
            for (index, action) in answer.actions.iter().enumerate() {
                items.push(AgendaItem {
                    scan: scan_index,
                    criterion: position,
                    criterion_id: &entry.criterion.id,
                    criterion_title: &entry.criterion.title,
                    index,
                    action,
                    overdue: action.is_overdue(today),
                });
            }
        }
    }
    sort_items(&mut items, sort);
    items
}

/// Sorts in place; ties keep walk order.
pub fn sort_items(items: &mut [AgendaItem<'_>], sort: AgendaSort) {
    match sort {
        AgendaSort::Due => items.sort_by_key(|item| (item.action.due.is_none(), item.action.due)),
        AgendaSort::Owner => items.sort_by(|a, b| {
            let key = |item: &AgendaItem<'_>| {
                (
                    item.action.owner.trim().is_empty(),
                    item.action.owner.to_lowercase(),
                )
            };
            key(a).cmp(&key(b))
        }),
        AgendaSort::Status => items.sort_by_key(|item| item.action.status),
    }
}

/// The criteria among the points of attention that have no action to show
/// for it (none, or only dropped or empty ones): a vervolgtraject asks for an
/// action on each. In the order of the points of attention.
pub fn attention_without_action<'e>(scan: &Scan, evaluation: &'e Evaluation) -> Vec<&'e str> {
    evaluation
        .attention
        .iter()
        .filter_map(|point| match point {
            AttentionPoint::Criterion { criterion_id, .. } => Some(criterion_id.as_str()),
            AttentionPoint::ThemeUnknownShare { .. } => None,
        })
        .filter(|id| {
            scan.framework
                .criterion_index(id)
                .and_then(|index| scan.answers.get(index))
                .is_none_or(|answer| !answer.has_live_action())
        })
        .collect()
}

/// How the actions carried into a follow-up scan fared.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AgendaProgress {
    /// Carried actions now done.
    pub done: usize,
    /// Carried actions still open or under way.
    pub pending: usize,
    /// Carried actions past their due date and not done.
    pub late: usize,
    /// Carried actions dropped.
    pub dropped: usize,
}

impl AgendaProgress {
    pub fn carried(&self) -> usize {
        self.done + self.pending + self.dropped
    }
}

/// Progress on the actions a follow-up scan carried forward (those with
/// `carried_from`), judged on `today`.
pub fn agenda_progress(scan: &Scan, today: Date) -> AgendaProgress {
    let mut progress = AgendaProgress::default();
    for action in scan.answers.iter().flat_map(|answer| &answer.actions) {
        if action.carried_from.is_none() {
            continue;
        }
        match action.status {
            ActionStatus::Done => progress.done += 1,
            ActionStatus::Dropped => progress.dropped += 1,
            ActionStatus::Open | ActionStatus::Ongoing => {
                progress.pending += 1;
                if action.is_overdue(today) {
                    progress.late += 1;
                }
            }
        }
    }
    progress
}

/// A follow-up scan of `old`, a year on: `framework` (the same, or a newer
/// version, criteria matched by id), the participants whose perspective it
/// still has, and per criterion the ambition and every action still to do
/// (open or lopend), marked as carried from `old`'s date. The ids of
/// criteria with something to carry that `framework` no longer has come back
/// in the second value, so the caller can say what could not be carried.
pub fn follow_up(old: &Scan, framework: Framework, mut meta: ScanMeta) -> (Scan, Vec<String>) {
    meta.participants = old
        .meta
        .participants
        .iter()
        .filter(|participant| {
            framework
                .perspective_index(&participant.perspective)
                .is_some()
        })
        .cloned()
        .collect();
    let mut scan = Scan::new(meta, framework);
    let mut lost = Vec::new();
    for (entry, answer) in old.framework.criteria().zip(&old.answers) {
        let carried: Vec<AgendaAction> = answer
            .actions
            .iter()
            .filter(|action| action.status.is_pending())
            .map(|action| AgendaAction {
                carried_from: Some(old.meta.date),
                ..action.clone()
            })
            .collect();
        if carried.is_empty() && answer.ambition.is_none() {
            continue;
        }
        let Some(index) = scan.framework.criterion_index(&entry.criterion.id) else {
            lost.push(entry.criterion.id.clone());
            continue;
        };
        let target = &mut scan.answers[index];
        // A level the new scale lacks is dropped; the rest of the ambition stays.
        target.ambition = answer.ambition.clone().map(|mut ambition| {
            if ambition
                .level
                .is_some_and(|level| scan.framework.scale_level(level).is_none())
            {
                ambition.level = None;
            }
            ambition
        });
        target.actions = carried;
    }
    (scan, lost)
}

/// The carried actions of a criterion the group has not looked at again yet:
/// the walkthrough asks for their status when the criterion comes up.
pub fn carried_to_review(answer: &super::scan::CriterionAnswer) -> Option<usize> {
    if answer.is_answered() {
        return None;
    }
    answer
        .actions
        .iter()
        .position(|action| action.carried_from.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (String, String) {
        let action = action_from_text(text, false);
        (action.what, action.owner)
    }

    #[test]
    fn an_owner_in_brackets_is_taken_out_of_the_text() {
        assert_eq!(
            split("Regio plant evaluatie (eigenaar: Anna)"),
            ("Regio plant evaluatie".into(), "Anna".into())
        );
        assert_eq!(
            split("Plan opstellen (eigenaar: Sanne Verhoef; gereed vóór de zomer van 2027)."),
            (
                "Plan opstellen (gereed vóór de zomer van 2027).".into(),
                "Sanne Verhoef".into()
            )
        );
        assert_eq!(
            split("Overleg starten (eigenaar: Henk Mulder, portefeuillehouder Veenstede)."),
            (
                "Overleg starten (portefeuillehouder Veenstede).".into(),
                "Henk Mulder".into()
            )
        );
        assert_eq!(
            split("Overleg (wie: allen, eigenaar: Piet)"),
            ("Overleg (wie: allen)".into(), "Piet".into())
        );
    }

    #[test]
    fn an_ambiguous_or_unfinished_owner_leaves_the_text_whole() {
        for text in [
            "Geen eigenaar genoemd",
            "eigenaar: Anna; eigenaar: Bert;",
            "Afronden (eigenaar: Anna",
            "Afronden (eigenaar: )",
            "",
        ] {
            assert_eq!(split(text), (text.to_string(), String::new()), "{text}");
        }
    }

    #[test]
    fn a_migrated_action_is_open_and_keeps_its_private_mark() {
        let action = action_from_text("Iets (eigenaar: Anna)", true);
        assert_eq!(action.status, ActionStatus::Open);
        assert!(action.private);
    }

    #[test]
    fn overdue_means_past_due_and_not_finished() {
        let today = jiff::civil::date(2027, 3, 1);
        let mut action = AgendaAction {
            due: Some(jiff::civil::date(2027, 2, 28)),
            ..AgendaAction::new()
        };
        assert!(action.is_overdue(today));
        action.status = ActionStatus::Done;
        assert!(!action.is_overdue(today));
        action.status = ActionStatus::Ongoing;
        action.due = Some(today);
        assert!(!action.is_overdue(today));
    }

    #[test]
    fn a_follow_up_carries_ambitions_and_unfinished_actions() {
        use crate::model::scan::{Participant, ScanMeta};
        let framework = crate::storage::bundled_frameworks().remove(0);
        let meta = |date| ScanMeta {
            region: "Regio".into(),
            date,
            facilitator: String::new(),
            note_taker: String::new(),
            participants: Vec::new(),
        };
        let mut old = Scan::new(meta(jiff::civil::date(2026, 11, 4)), framework.clone());
        old.meta.participants = vec![
            Participant {
                name: "Anna".into(),
                perspective: framework.perspectives[0].id.clone(),
                ..Participant::default()
            },
            Participant {
                name: "Weg".into(),
                perspective: "bestaat-niet".into(),
                ..Participant::default()
            },
        ];
        let statuses = [
            ActionStatus::Open,
            ActionStatus::Ongoing,
            ActionStatus::Done,
            ActionStatus::Dropped,
        ];
        old.answers[0].actions = statuses
            .iter()
            .map(|status| AgendaAction {
                what: status.key().into(),
                status: *status,
                ..AgendaAction::new()
            })
            .collect();
        old.answers[0].ambition = Some(Ambition {
            level: Some(3),
            ..Ambition::default()
        });
        let (new, lost) = follow_up(&old, framework, meta(jiff::civil::date(2027, 11, 4)));
        assert!(lost.is_empty());
        assert_eq!(new.meta.participants.len(), 1);
        let carried: Vec<&str> = new.answers[0]
            .actions
            .iter()
            .map(|a| a.what.as_str())
            .collect();
        assert_eq!(carried, ["open", "lopend"]);
        assert!(
            new.answers[0]
                .actions
                .iter()
                .all(|a| a.carried_from == Some(jiff::civil::date(2026, 11, 4)))
        );
        assert_eq!(
            new.answers[0].ambition.as_ref().and_then(|a| a.level),
            Some(3)
        );
        assert_eq!(carried_to_review(&new.answers[0]), Some(0));
        assert_eq!(carried_to_review(&new.answers[1]), None);

        // Progress a year on: one done, one still open and late.
        let mut later = new.clone();
        later.answers[0].actions[0].status = ActionStatus::Done;
        later.answers[0].actions[1].due = Some(jiff::civil::date(2027, 6, 30));
        let progress = agenda_progress(&later, jiff::civil::date(2027, 11, 4));
        assert_eq!(
            progress,
            AgendaProgress {
                done: 1,
                pending: 1,
                late: 1,
                dropped: 0
            }
        );
    }

    #[test]
    fn status_keys_round_trip() {
        for status in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_key(status.key()), Some(status));
        }
        assert_eq!(ActionStatus::from_key("gedaan"), None);
    }
}
