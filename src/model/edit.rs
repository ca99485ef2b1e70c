//! Every change a walkthrough makes to a scan, as data. The interface builds
//! an [`Edit`] and applies it; the journal stores the same edits and recovery
//! replays them with the same [`Edit::apply`], so what was on screen and what
//! is recovered cannot drift apart.

use jiff::Timestamp;
use jiff::civil::Date;

use super::agenda::{ActionStatus, AgendaAction, Ambition};
use super::conflict::{self, FieldValue};
use super::scan::{Agreement, Answer, CriterionAnswer, Scan, VerdictOverride};

/// Whose score or note: a perspective id, or the joint answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Perspective(String),
    Consensus,
}

/// Which text of a criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextSlot {
    Note(Slot),
    /// What action n (0-based) is about.
    ActionWhat(usize),
    /// Who owns action n.
    ActionOwner(usize),
    /// What it takes to reach the ambition.
    AmbitionNeeded,
}

/// One change to a scan.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Score {
        criterion: String,
        slot: Slot,
        value: Option<Answer>,
        at: Timestamp,
    },
    Agreement {
        criterion: String,
        value: Option<Agreement>,
        at: Timestamp,
    },
    Skipped {
        criterion: String,
        value: bool,
        at: Timestamp,
    },
    /// Replace `removed` bytes at byte offset `offset` of a text with `inserted`.
    Splice {
        criterion: String,
        text: TextSlot,
        offset: usize,
        removed: usize,
        inserted: String,
        at: Timestamp,
    },
    Override(Option<VerdictOverride>),
    /// The facilitator's choice on a merge conflict: `field` gets `value`
    /// and the conflict is gone (see `model::conflict`).
    Resolve {
        criterion: String,
        field: String,
        value: FieldValue,
        at: Timestamp,
    },
    /// Mark a text private (never on the projector) or not.
    Private {
        criterion: String,
        text: TextSlot,
        value: bool,
        at: Timestamp,
    },
    /// The agenda of a criterion: ambition and actions.
    Agenda {
        criterion: String,
        change: AgendaEdit,
        at: Timestamp,
    },
}

/// One change to a criterion's agenda; texts change through [`Edit::Splice`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaEdit {
    /// Append a new, empty action with status open.
    AddAction,
    /// Remove action n.
    RemoveAction(usize),
    ActionStatus(usize, ActionStatus),
    ActionDue(usize, Option<Date>),
    /// The ambition's level: a value on the framework's scale.
    AmbitionLevel(Option<u8>),
    AmbitionDue(Option<Date>),
}

/// Why an edit does not fit a scan (only possible when replaying a journal
/// against the wrong file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("unknown criterion {0}")]
    UnknownCriterion(String),
    #[error("unknown perspective {0}")]
    UnknownPerspective(String),
    #[error("text change outside the text")]
    OutOfRange,
    #[error("no conflict on {0} that this value fits")]
    NoSuchConflict(String),
    #[error("no action {0}")]
    UnknownAction(usize),
    #[error("{0} is not on the scale")]
    NotOnScale(u8),
    #[error("this text cannot be marked private")]
    NoPrivateMark,
}

impl Edit {
    /// Applies the edit. The scan is unchanged when it returns an error.
    pub fn apply(&self, scan: &mut Scan) -> Result<(), EditError> {
        match self {
            Edit::Override(value) => {
                // The dialog never touches the override's unknown keys, and the
                // journal does not store them: keep the ones the scan has.
                let kept = scan
                    .verdict_override
                    .as_ref()
                    .map(|old| old.extra.clone())
                    .unwrap_or_default();
                scan.verdict_override = value.clone().map(|mut new| {
                    if new.extra.is_empty() {
                        new.extra = kept;
                    }
                    new
                });
                Ok(())
            }
            Edit::Resolve {
                criterion,
                field,
                value,
                at,
            } => {
                let fits = match value {
                    FieldValue::Answer(Answer::Score(level)) => {
                        scan.framework.scale_level(*level).is_some()
                    }
                    // A value this build cannot check is never chosen here.
                    FieldValue::Other(_) => false,
                    _ => true,
                };
                let index = scan
                    .framework
                    .criterion_index(criterion)
                    .filter(|&index| index < scan.answers.len())
                    .ok_or_else(|| EditError::UnknownCriterion(criterion.clone()))?;
                let answer = &mut scan.answers[index];
                if !fits || !conflict::resolve(answer, &scan.framework, field, value) {
                    return Err(EditError::NoSuchConflict(field.clone()));
                }
                touched(answer, *at);
                Ok(())
            }
            Edit::Score {
                criterion,
                slot,
                value,
                at,
            } => {
                let perspective = perspective_index(scan, slot)?;
                let answer = answer_mut(scan, criterion)?;
                match perspective {
                    Some(index) => answer.perspectives[index].score = *value,
                    None => answer.consensus = *value,
                }
                touched(answer, *at);
                Ok(())
            }
            Edit::Agreement {
                criterion,
                value,
                at,
            } => {
                let answer = answer_mut(scan, criterion)?;
                answer.agreement = *value;
                touched(answer, *at);
                Ok(())
            }
            Edit::Skipped {
                criterion,
                value,
                at,
            } => {
                let answer = answer_mut(scan, criterion)?;
                answer.skipped = *value;
                answer.changed_at = Some(*at);
                Ok(())
            }
            Edit::Private {
                criterion,
                text,
                value,
                at,
            } => {
                let perspective = match text {
                    TextSlot::Note(slot) => perspective_index(scan, slot)?,
                    _ => None,
                };
                let answer = answer_mut(scan, criterion)?;
                let flag = match (text, perspective) {
                    (TextSlot::Note(Slot::Perspective(_)), Some(index)) => {
                        &mut answer.perspectives[index].note_private
                    }
                    (TextSlot::Note(_), _) => &mut answer.consensus_note_private,
                    (TextSlot::ActionWhat(index) | TextSlot::ActionOwner(index), _) => {
                        &mut action_mut(answer, *index)?.private
                    }
                    (TextSlot::AmbitionNeeded, _) => return Err(EditError::NoPrivateMark),
                };
                *flag = *value;
                answer.changed_at = Some(*at);
                Ok(())
            }
            Edit::Splice {
                criterion,
                text,
                offset,
                removed,
                inserted,
                at,
            } => {
                let perspective = match text {
                    TextSlot::Note(slot) => perspective_index(scan, slot)?,
                    _ => None,
                };
                let answer = answer_mut(scan, criterion)?;
                let ambition_was_none = answer.ambition.is_none();
                let target = match (text, perspective) {
                    (TextSlot::Note(Slot::Perspective(_)), Some(index)) => {
                        &mut answer.perspectives[index].note
                    }
                    (TextSlot::Note(_), _) => &mut answer.consensus_note,
                    (TextSlot::ActionWhat(index), _) => &mut action_mut(answer, *index)?.what,
                    (TextSlot::ActionOwner(index), _) => &mut action_mut(answer, *index)?.owner,
                    (TextSlot::AmbitionNeeded, _) => {
                        &mut answer.ambition.get_or_insert_with(Ambition::default).needed
                    }
                };
                let end = offset.checked_add(*removed).ok_or(EditError::OutOfRange)?;
                if end > target.len()
                    || !target.is_char_boundary(*offset)
                    || !target.is_char_boundary(end)
                {
                    if ambition_was_none {
                        answer.ambition = None;
                    }
                    return Err(EditError::OutOfRange);
                }
                target.replace_range(*offset..end, inserted);
                tidy_ambition(answer);
                answer.changed_at = Some(*at);
                Ok(())
            }
            Edit::Agenda {
                criterion,
                change,
                at,
            } => {
                if let AgendaEdit::AmbitionLevel(Some(level)) = change
                    && scan.framework.scale_level(*level).is_none()
                {
                    return Err(EditError::NotOnScale(*level));
                }
                let answer = answer_mut(scan, criterion)?;
                match change {
                    AgendaEdit::AddAction => answer.actions.push(AgendaAction::new()),
                    AgendaEdit::RemoveAction(index) => {
                        action_mut(answer, *index)?;
                        answer.actions.remove(*index);
                    }
                    AgendaEdit::ActionStatus(index, status) => {
                        action_mut(answer, *index)?.status = *status;
                    }
                    AgendaEdit::ActionDue(index, due) => action_mut(answer, *index)?.due = *due,
                    AgendaEdit::AmbitionLevel(level) => {
                        answer.ambition.get_or_insert_with(Ambition::default).level = *level;
                    }
                    AgendaEdit::AmbitionDue(due) => {
                        answer.ambition.get_or_insert_with(Ambition::default).due = *due;
                    }
                }
                tidy_ambition(answer);
                answer.changed_at = Some(*at);
                Ok(())
            }
        }
    }
}

fn action_mut(answer: &mut CriterionAnswer, index: usize) -> Result<&mut AgendaAction, EditError> {
    answer
        .actions
        .get_mut(index)
        .ok_or(EditError::UnknownAction(index))
}

/// An ambition with nothing left in it is no ambition.
fn tidy_ambition(answer: &mut CriterionAnswer) {
    if answer.ambition.as_ref().is_some_and(Ambition::is_empty) {
        answer.ambition = None;
    }
}

/// The splice that turns `before` into `after`: the differing middle, found
/// from the common start and end (on character boundaries).
pub fn splice_between(before: &str, after: &str) -> (usize, usize, String) {
    let mut prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let longest_suffix = before.len().min(after.len()) - prefix;
    let mut suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(longest_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - suffix)
        || !after.is_char_boundary(after.len() - suffix)
    {
        suffix -= 1;
    }
    (
        prefix,
        before.len() - suffix - prefix,
        after[prefix..after.len() - suffix].to_string(),
    )
}

fn perspective_index(scan: &Scan, slot: &Slot) -> Result<Option<usize>, EditError> {
    match slot {
        Slot::Consensus => Ok(None),
        Slot::Perspective(id) => scan
            .framework
            .perspective_index(id)
            .map(Some)
            .ok_or_else(|| EditError::UnknownPerspective(id.clone())),
    }
}

fn answer_mut<'a>(
    scan: &'a mut Scan,
    criterion: &str,
) -> Result<&'a mut CriterionAnswer, EditError> {
    let index = scan
        .framework
        .criterion_index(criterion)
        .ok_or_else(|| EditError::UnknownCriterion(criterion.to_string()))?;
    scan.answers
        .get_mut(index)
        .ok_or_else(|| EditError::UnknownCriterion(criterion.to_string()))
}

/// Records the change time; once the room reaches a conclusion the criterion
/// is no longer "for later".
fn touched(answer: &mut CriterionAnswer, at: Timestamp) {
    answer.changed_at = Some(at);
    if answer.is_answered() {
        answer.skipped = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_finds_the_changed_middle_on_character_boundaries() {
        assert_eq!(splice_between("abc", "abXc"), (2, 0, "X".into()));
        assert_eq!(splice_between("abc", "ac"), (1, 1, String::new()));
        assert_eq!(splice_between("", "één"), (0, 0, "één".into()));
        assert_eq!(splice_between("aaa", "aaaa"), (3, 0, "a".into()));
        // é and è share their first byte: the splice must not split it.
        assert_eq!(splice_between("xéy", "xèy"), (1, 2, "è".into()));
        assert_eq!(splice_between("same", "same"), (4, 0, String::new()));
    }

    #[test]
    fn applying_the_splice_gives_the_after_text() {
        let cases = [
            ("", ""),
            ("hallo", "hallo wereld"),
            ("één twee", "één drie twee"),
            ("€€€", "€€"),
            ("ab\ncd", "ab\n\ncd"),
            ("xyz", ""),
        ];
        for (before, after) in cases {
            let (offset, removed, inserted) = splice_between(before, after);
            let mut text = before.to_string();
            text.replace_range(offset..offset + removed, &inserted);
            assert_eq!(text, after);
        }
    }
}
