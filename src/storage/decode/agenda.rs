//! Decoding the agenda of a criterion (schema version 2): the
//! `[answers.<id>.ambition]` table and the `[[answers.<id>.actions]]` tables,
//! and the version-1 free-text `action` they replace.

use jiff::civil::Date;
use toml::de::DeValue;

use super::{Ctx, Fields, Value, array, string, table, text_value};
use crate::model::agenda::action_from_text;
use crate::model::gate::Shape;
use crate::model::{ActionStatus, AgendaAction, Ambition, Framework};
use crate::storage::InvalidReason;

/// The agenda keys of an `[answers.<id>]` table.
pub(super) const AGENDA_FIELDS: [&str; 4] = ["ambition", "actions", "action", "action_private"];

/// What the agenda keys of one answer table hold, gathered while the table's
/// keys are read in file order.
#[derive(Default)]
pub(super) struct AgendaKeys {
    pub ambition: Option<Ambition>,
    pub actions: Vec<AgendaAction>,
    /// Version 1: the free-text action and its private mark.
    legacy_text: Option<String>,
    legacy_private: bool,
}

impl AgendaKeys {
    /// Reads one agenda key; false when `name` is not one.
    pub(super) fn read(
        &mut self,
        ctx: &mut Ctx<'_>,
        name: &str,
        path: &str,
        value: &Value<'_>,
        framework: &Framework,
    ) -> bool {
        match name {
            "ambition" => {
                if let Some(fields) = table(ctx, path, value) {
                    self.ambition = Some(ambition(ctx, fields, framework));
                }
            }
            "actions" => {
                if let Some(items) = array(ctx, path, value) {
                    for (index, item) in items.iter().enumerate() {
                        if let Some(fields) = table(ctx, &format!("{path}[{index}]"), item) {
                            self.actions.push(action(ctx, fields));
                        }
                    }
                }
            }
            "action" => self.legacy_text = text_value(ctx, path, value, Shape::Text),
            "action_private" => match value.get_ref() {
                DeValue::Boolean(flag) => self.legacy_private = *flag,
                _ => ctx.wrong_type(path, value, "boolean"),
            },
            _ => return false,
        }
        true
    }

    /// The ambition and the actions, with a version-1 action text migrated
    /// into one action with status open (after any structured ones).
    pub(super) fn finish(mut self) -> (Option<Ambition>, Vec<AgendaAction>) {
        match self.legacy_text {
            Some(text) if !text.is_empty() => {
                self.actions
                    .push(action_from_text(&text, self.legacy_private));
            }
            _ => {}
        }
        (self.ambition, self.actions)
    }
}

fn ambition(ctx: &mut Ctx<'_>, mut fields: Fields<'_, '_>, framework: &Framework) -> Ambition {
    let path = fields.path("level");
    let level = fields
        .get("level")
        .and_then(|value| level(ctx, &path, value, framework));
    let path = fields.path("due");
    let due = fields
        .get("due")
        .and_then(|value| due_date(ctx, &path, value));
    let needed = fields.opt_text(ctx, "needed");
    Ambition {
        level,
        due,
        needed,
        extra: fields.finish(ctx),
    }
}

fn action(ctx: &mut Ctx<'_>, mut fields: Fields<'_, '_>) -> AgendaAction {
    let what = fields.opt_text(ctx, "what");
    let owner = fields.opt_string(ctx, "owner");
    let path = fields.path("due");
    let due = fields
        .get("due")
        .and_then(|value| due_date(ctx, &path, value));
    let path = fields.path("status");
    let status = match fields.get("status") {
        None => ActionStatus::Open,
        Some(value) => string(ctx, &path, value)
            .and_then(|key| {
                let status = ActionStatus::from_key(&key);
                if status.is_none() {
                    ctx.invalid(&path, value, InvalidReason::BadActionStatus);
                }
                status
            })
            .unwrap_or_default(),
    };
    let private = fields.opt_bool(ctx, "private");
    let path = fields.path("carried_from");
    let carried_from = fields
        .get("carried_from")
        .and_then(|value| due_date(ctx, &path, value));
    AgendaAction {
        what,
        owner,
        due,
        status,
        private,
        carried_from,
        extra: fields.finish(ctx),
    }
}

/// A level of the framework's scale.
fn level(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>, framework: &Framework) -> Option<u8> {
    let DeValue::Integer(number) = value.get_ref() else {
        ctx.wrong_type(path, value, "integer");
        return None;
    };
    let level = i64::from_str_radix(number.as_str(), number.radix())
        .ok()
        .and_then(|whole| u8::try_from(whole).ok())
        .filter(|&whole| framework.scale_level(whole).is_some());
    if level.is_none() {
        ctx.invalid(path, value, InvalidReason::NotOnScale);
    }
    level
}

/// A TOML local date (`2027-02-28`); the text "2027-02-28" is accepted too,
/// as hand-written files may quote it.
pub(super) fn due_date(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>) -> Option<Date> {
    let parsed = match value.get_ref() {
        DeValue::Datetime(stamp) => match (stamp.date, stamp.time, stamp.offset) {
            (Some(date), None, None) => Date::new(
                i16::try_from(date.year).unwrap_or(i16::MAX),
                i8::try_from(date.month).unwrap_or(0),
                i8::try_from(date.day).unwrap_or(0),
            )
            .ok(),
            _ => None,
        },
        DeValue::String(text) => text
            .parse::<Date>()
            .ok()
            .filter(|date| date.to_string() == **text),
        _ => {
            ctx.wrong_type(path, value, "date");
            return None;
        }
    };
    if parsed.is_none() {
        ctx.invalid(path, value, InvalidReason::BadDate);
    }
    parsed
}
