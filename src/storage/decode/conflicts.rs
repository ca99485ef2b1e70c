//! Decoding the scan keys of many-scans work (schema_version 2): a homework
//! scan's `prepared_for`, and the merge conflicts of an answer,
//! `[[answers.<ID>.conflicts]]` with their `[[…options]]`. Every value passes
//! the same checks as the field it would be stored in.

use toml::de::DeValue;

use super::scan::agreement_key;
use super::{Ctx, Fields, Value, plain_value, string, text_value};
use crate::model::conflict::{
    ConflictOption, FieldConflict, FieldKind, FieldValue, field_kind, perspective_of,
};
use crate::model::gate::Shape;
use crate::model::{Answer, Extra, Framework};
use crate::storage::{InvalidReason, ProblemKind};

/// `prepared_for = "<perspective id>"`: must be a perspective of the framework.
pub(super) fn prepared_for(
    ctx: &mut Ctx<'_>,
    fields: &mut Fields<'_, '_>,
    framework: &Framework,
) -> Option<String> {
    let path = fields.path("prepared_for");
    let value = fields.get("prepared_for")?;
    let id = string(ctx, &path, value)?;
    if framework.perspective_index(&id).is_none() {
        ctx.report(
            value.span().start,
            ProblemKind::UnknownPerspective { id: id.clone() },
        );
    }
    Some(id)
}

/// The `conflicts` array of one answer.
pub(super) fn conflicts(
    ctx: &mut Ctx<'_>,
    path: &str,
    value: &Value<'_>,
    framework: &Framework,
    score: impl Fn(&mut Ctx<'_>, &str, &Value<'_>, &Framework) -> Option<Answer>,
) -> Vec<FieldConflict> {
    let mut found = Vec::new();
    let DeValue::Array(items) = value.get_ref() else {
        ctx.wrong_type(path, value, "array");
        return found;
    };
    for (index, item) in items.iter().enumerate() {
        let item_path = format!("{path}[{index}]");
        let Some(mut table) = super::table(ctx, &item_path, item) else {
            continue;
        };
        let field_path = table.path("field");
        let Some(field_value) = table.required(ctx, "field") else {
            continue;
        };
        let Some(field) = string(ctx, &field_path, field_value) else {
            continue;
        };
        let kind = field_kind(&field);
        if let Some(perspective) = perspective_of(&field)
            && matches!(kind, FieldKind::Score | FieldKind::Text)
            && framework.perspective_index(perspective).is_none()
        {
            ctx.report(
                field_value.span().start,
                ProblemKind::UnknownPerspective {
                    id: perspective.to_string(),
                },
            );
        }
        let mut options = Vec::new();
        if let Some((tables, list)) = table.table_array(ctx, "options", true) {
            if tables.is_empty() {
                ctx.invalid(&table.path("options"), list, InvalidReason::EmptyList);
            }
            for mut option in tables {
                let from = option.req_string(ctx, "from").unwrap_or_default();
                let value_path = option.path("value");
                let value = match option.get("value") {
                    None => FieldValue::Empty,
                    Some(value) => match kind {
                        FieldKind::Score => score(ctx, &value_path, value, framework)
                            .map_or(FieldValue::Empty, FieldValue::Answer),
                        FieldKind::Agreement => agreement_key(ctx, &value_path, value)
                            .map_or(FieldValue::Empty, FieldValue::Agreement),
                        // Notes span lines, as the fields they fill do.
                        FieldKind::Text => text_value(ctx, &value_path, value, Shape::Text)
                            .map_or(FieldValue::Empty, FieldValue::Text),
                        FieldKind::Date => super::agenda::due_date(ctx, &value_path, value)
                            .map_or(FieldValue::Empty, FieldValue::Date),
                        FieldKind::Unknown => {
                            plain_value(ctx, &value_path, value).map_or(FieldValue::Empty, |kept| {
                                let mut extra = Extra::new();
                                extra.insert("value", kept);
                                FieldValue::Other(extra)
                            })
                        }
                    },
                };
                // Unknown keys of an option have no place to be kept; they are warned about.
                let _ = option.finish(ctx);
                options.push(ConflictOption { from, value });
            }
        }
        let _ = table.finish(ctx);
        found.push(FieldConflict { field, options });
    }
    found
}
