//! The English texts for odd or hostile input: long lists of problems,
//! rejected journals, invisible characters.

use crate::i18n::InputText;
use crate::model::gate::Rejection;

pub const INPUT: InputText = InputText {
    more_problems: |more| format!("… and {more} more problem(s) not listed here"),
    journal_rejected: |kept, record, reason, path| {
        format!(
            "The recovery journal held an invalid change (number {record}: {reason}). \
             The {kept} change(s) before it were restored; the journal was not applied further \
             and is kept unchanged as {path}."
        )
    },
    rejection: |rejection| match rejection {
        Rejection::UnknownCriterion(id) => format!("unknown criterion '{id}'"),
        Rejection::UnknownPerspective(id) => format!("unknown perspective '{id}'"),
        Rejection::NotOnScale(value) => format!("score {value} is not on the scale"),
        Rejection::HiddenCharacter(code) => {
            format!("the text holds a control or invisible character ({code})")
        }
        Rejection::OutOfRange => "text change outside the text".to_string(),
        Rejection::EmptyRationale => "an overridden verdict needs a written rationale".to_string(),
        Rejection::NoSuchConflict(field) => format!("no merge conflict on {field}"),
        Rejection::Unreadable => "the result could no longer be opened".to_string(),
    },
    hidden_problem: |key, count| {
        format!(
            "'{key}' holds {count} control or invisible character(s) (such as ESC, a vertical tab \
             or a line break in a one-line field); they are shown as \\u{{…}} and written that way \
             on the next save"
        )
    },
    hidden_on_open: |count, backup| {
        format!(
            "This scan holds {count} control or invisible character(s), shown as \\u{{…}}. The next \
             save writes them that way and keeps the original as {backup}. Close without changing \
             anything to leave the file as it is."
        )
    },
    argument_refused: |option| {
        format!(
            "{option} holds a control character, line break or invisible character; \
             type the text again without them. Nothing was written."
        )
    },
};
