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
        Rejection::Unreadable => "the result could no longer be opened".to_string(),
    },
    argument_refused: |option| {
        format!(
            "{option} holds a control character, line break or invisible character; \
             type the text again without them. Nothing was written."
        )
    },
};
