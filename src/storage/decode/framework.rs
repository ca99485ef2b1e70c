//! Decoding a framework: from a framework file, or from the `[framework]`
//! table embedded in a scan (same keys, minus `schema_version`).

use super::scan::ANSWER_FIELDS;
use super::{
    Ctx, Fields, SeenIds, Value, array, decode_file, integer, number, small_number, string,
};
use crate::model::{
    Agreement, AgreementLevelDef, AnswerScale, Criterion, Extra, Framework, Perspective,
    ScaleLevel, SpecialAnswerDef, Theme, Weighting, rule_flaws,
};
use crate::storage::{FileKind, InvalidReason, Loaded, Problem, ProblemKind};

/// Parses the text of a framework file, and rejects a weighting rule that
/// cannot work (see `model::rule_check`).
pub(in crate::storage) fn framework(source: &str) -> Result<Loaded<Framework>, Vec<Problem>> {
    decode_file(source, FileKind::Framework, |ctx, fields| {
        let framework = decode_framework(ctx, fields);
        // A framework with errors holds placeholders: judging its rule would
        // only add follow-up noise.
        if ctx.has_errors() {
            return framework;
        }
        for flaw in rule_flaws(&framework) {
            let offset = key_offset(source, &flaw.key());
            ctx.report(offset, ProblemKind::UnworkableRule { flaw });
        }
        framework
    })
}

/// Where a dotted key such as `weighting.robust.total_at_least` is written:
/// the line of the key in its table, else the table's header, else the
/// nearest enclosing table's header, else the top of the file. Only for
/// pointing at a line; the value was decoded properly before.
fn key_offset(source: &str, dotted: &str) -> usize {
    // Offsets count from after a byte-order mark, as the decoder's do.
    let source = crate::storage::text::strip_bom(source);
    let mut tables: Vec<&str> = Vec::new();
    let mut rest = dotted;
    while let Some((table, _)) = rest.rsplit_once('.') {
        tables.push(table);
        rest = table;
    }
    let (table, key) = dotted.rsplit_once('.').unwrap_or(("", dotted));
    let mut header_at: Vec<Option<usize>> = vec![None; tables.len()];
    let mut current = "";
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(header) = trimmed.strip_prefix('[') {
            current = header
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim();
            if let Some(index) = tables.iter().position(|name| *name == current) {
                header_at[index].get_or_insert(offset);
            }
        } else if current == table
            && trimmed
                .strip_prefix(key)
                .is_some_and(|after| after.trim_start().starts_with('='))
        {
            return offset + (line.len() - line.trim_start().len());
        }
        offset += line.len();
    }
    header_at.into_iter().flatten().next().unwrap_or(0)
}

/// The framework in `fields` (the top of a file, or `[framework]` in a scan).
/// Always returns a framework; where something was wrong it holds a
/// placeholder and the problem is in `ctx`, so later checks (answers against
/// criteria) can still run without a cascade of follow-up errors.
pub(super) fn decode_framework(ctx: &mut Ctx<'_>, mut fields: Fields<'_, '_>) -> Framework {
    let id = fields
        .req_id(ctx, "id")
        .map(|(id, _)| id)
        .unwrap_or_default();
    let title = fields.req_string(ctx, "title").unwrap_or_default();
    let version = fields.opt_string(ctx, "version");
    let language = fields.opt_string(ctx, "language");
    let description = fields.opt_text(ctx, "description");
    let scale = decode_scale(ctx, &mut fields);
    let perspectives = decode_perspectives(ctx, &mut fields);
    let agreement_levels = decode_agreement_levels(ctx, &mut fields);
    let themes = decode_themes(ctx, &mut fields);
    let weighting = match fields.opt_table(ctx, "weighting") {
        Some(table) => decode_weighting(ctx, table, &themes),
        None => Weighting::default(),
    };
    let extra = fields.finish(ctx);
    Framework {
        id,
        title,
        version,
        language,
        description,
        scale,
        perspectives,
        agreement_levels,
        themes,
        weighting,
        extra,
        index: Default::default(),
    }
}

/// Reports an empty list (only possible as `key = []`).
fn require_non_empty<T>(ctx: &mut Ctx<'_>, path: &str, items: &[T], value: &Value<'_>) {
    if items.is_empty() {
        ctx.invalid(path, value, InvalidReason::EmptyList);
    }
}

fn special_answer(
    ctx: &mut Ctx<'_>,
    scale: &mut Fields<'_, '_>,
    key: &'static str,
) -> SpecialAnswerDef {
    match scale.req_table(ctx, key) {
        Some(mut table) => {
            let label = table.req_string(ctx, "label").unwrap_or_default();
            let meaning = table.opt_text(ctx, "meaning");
            SpecialAnswerDef {
                label,
                meaning,
                extra: table.finish(ctx),
            }
        }
        None => SpecialAnswerDef {
            label: String::new(),
            meaning: String::new(),
            extra: Extra::default(),
        },
    }
}

fn decode_scale(ctx: &mut Ctx<'_>, fields: &mut Fields<'_, '_>) -> AnswerScale {
    let Some(mut scale) = fields.req_table(ctx, "scale") else {
        let empty = || SpecialAnswerDef {
            label: String::new(),
            meaning: String::new(),
            extra: Extra::default(),
        };
        return AnswerScale {
            levels: Vec::new(),
            unknown: empty(),
            not_applicable: empty(),
            extra: Extra::default(),
        };
    };
    let mut levels = Vec::new();
    if let Some((tables, array_value)) = scale.table_array(ctx, "levels", true) {
        let mut seen = SeenIds::default();
        for mut level in tables {
            let path = level.path("value");
            let value = level.required(ctx, "value").and_then(|value| {
                let number = integer(ctx, &path, value)?;
                match u8::try_from(number) {
                    Ok(small) if (1..=9).contains(&small) => {
                        seen.check(ctx, &small.to_string(), value);
                        Some(small)
                    }
                    _ => {
                        ctx.invalid(&path, value, InvalidReason::ScaleOutOfRange);
                        None
                    }
                }
            });
            let label = level.req_string(ctx, "label").unwrap_or_default();
            let meaning = level.opt_text(ctx, "meaning");
            let extra = level.finish(ctx);
            if let Some(value) = value {
                levels.push(ScaleLevel {
                    value,
                    label,
                    meaning,
                    extra,
                });
            }
        }
        require_non_empty(ctx, &scale.path("levels"), &levels, array_value);
    }
    // Ascending, so the first level is the lowest whatever the file's order.
    levels.sort_by_key(|level| level.value);
    levels.dedup_by_key(|level| level.value);
    let unknown = special_answer(ctx, &mut scale, "unknown");
    let not_applicable = special_answer(ctx, &mut scale, "not_applicable");
    AnswerScale {
        levels,
        unknown,
        not_applicable,
        extra: scale.finish(ctx),
    }
}

fn decode_perspectives(ctx: &mut Ctx<'_>, fields: &mut Fields<'_, '_>) -> Vec<Perspective> {
    let Some((tables, array_value)) = fields.table_array(ctx, "perspectives", true) else {
        return Vec::new();
    };
    let mut seen = SeenIds::default();
    let mut perspectives = Vec::new();
    for mut table in tables {
        let id = table.req_id(ctx, "id").map(|(id, value)| {
            seen.check(ctx, &id, value);
            if ANSWER_FIELDS.contains(&id.as_str()) {
                ctx.invalid(&table.path("id"), value, InvalidReason::ReservedId);
            }
            id
        });
        let label = table.req_string(ctx, "label").unwrap_or_default();
        perspectives.push(Perspective {
            id: id.unwrap_or_default(),
            label,
            extra: table.finish(ctx),
        });
    }
    require_non_empty(
        ctx,
        &fields.path("perspectives"),
        &perspectives,
        array_value,
    );
    perspectives
}

fn decode_agreement_levels(
    ctx: &mut Ctx<'_>,
    fields: &mut Fields<'_, '_>,
) -> Vec<AgreementLevelDef> {
    let Some((tables, array_value)) = fields.table_array(ctx, "agreement_levels", true) else {
        return Vec::new();
    };
    let mut seen = SeenIds::default();
    let mut found: Vec<AgreementLevelDef> = Vec::new();
    for mut table in tables {
        let path = table.path("id");
        let level = table.required(ctx, "id").and_then(|value| {
            let key = string(ctx, &path, value)?;
            seen.check(ctx, &key, value);
            let level = Agreement::from_key(&key);
            if level.is_none() {
                ctx.invalid(&path, value, InvalidReason::BadAgreement);
            }
            level
        });
        let label = table.req_string(ctx, "label").unwrap_or_default();
        let meaning = table.opt_text(ctx, "meaning");
        let extra = table.finish(ctx);
        if let Some(level) = level {
            found.push(AgreementLevelDef {
                level,
                label,
                meaning,
                extra,
            });
        }
    }
    let path = fields.path("agreement_levels");
    let mut levels = Vec::new();
    // Stored in `Agreement::ALL` order whatever the file's order; each must be there.
    for level in Agreement::ALL {
        match found.iter().find(|def| def.level == level) {
            Some(def) => levels.push(def.clone()),
            None => ctx.report(
                array_value.span().start,
                ProblemKind::InvalidValue {
                    key: path.clone(),
                    value: format!("\"{}\"", level.key()),
                    reason: InvalidReason::MissingAgreementLevel,
                },
            ),
        }
    }
    levels
}

fn decode_themes(ctx: &mut Ctx<'_>, fields: &mut Fields<'_, '_>) -> Vec<Theme> {
    let Some((tables, array_value)) = fields.table_array(ctx, "themes", true) else {
        return Vec::new();
    };
    let mut theme_ids = SeenIds::default();
    // Criterion ids are unique across the whole framework: answers are keyed by them.
    let mut criterion_ids = SeenIds::default();
    let mut themes = Vec::new();
    for mut table in tables {
        let id = table.req_id(ctx, "id").map(|(id, value)| {
            theme_ids.check(ctx, &id, value);
            id
        });
        let title = table.req_string(ctx, "title").unwrap_or_default();
        let description = table.opt_text(ctx, "description");
        let minutes = opt_minutes(ctx, &mut table, "minutes");
        let mut criteria = Vec::new();
        if let Some((criterion_tables, criteria_value)) = table.table_array(ctx, "criteria", true) {
            for criterion in criterion_tables {
                criteria.push(decode_criterion(ctx, criterion, &mut criterion_ids));
            }
            require_non_empty(ctx, &table.path("criteria"), &criteria, criteria_value);
        }
        themes.push(Theme {
            id: id.unwrap_or_default(),
            title,
            description,
            minutes,
            criteria,
            extra: table.finish(ctx),
        });
    }
    require_non_empty(ctx, &fields.path("themes"), &themes, array_value);
    themes
}

fn decode_criterion(ctx: &mut Ctx<'_>, mut table: Fields<'_, '_>, seen: &mut SeenIds) -> Criterion {
    let id = table.req_id(ctx, "id").map(|(id, value)| {
        seen.check(ctx, &id, value);
        id
    });
    let title = table.req_string(ctx, "title").unwrap_or_default();
    let critical = table.opt_bool(ctx, "critical");
    let minutes = opt_minutes(ctx, &mut table, "minutes");
    let description = table.opt_text(ctx, "description");
    let path = table.path("questions");
    let questions = table
        .get("questions")
        .and_then(|value| array(ctx, &path, value))
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter_map(|(index, item)| string(ctx, &format!("{path}[{index}]"), item))
                .collect()
        })
        .unwrap_or_default();
    Criterion {
        id: id.unwrap_or_default(),
        title,
        description,
        questions,
        critical,
        minutes,
        extra: table.finish(ctx),
    }
}

/// The weighting: every key optional, with `Weighting::default()` for what is
/// missing. A theme id that the framework does not have is an error
/// (`InvalidValue` with `UnknownTheme`), not a warning: a misspelt core theme
/// would silently change the verdict.
fn decode_weighting(ctx: &mut Ctx<'_>, mut fields: Fields<'_, '_>, themes: &[Theme]) -> Weighting {
    let mut weighting = Weighting::default();
    let theme_index = |id: &str| themes.iter().position(|theme| theme.id == id);

    let path = fields.path("core_themes");
    if let Some(items) = fields
        .get("core_themes")
        .and_then(|value| array(ctx, &path, value))
    {
        weighting.core_themes = items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| {
                let id = string(ctx, &format!("{path}[{index}]"), item)?;
                if theme_index(&id).is_none() {
                    ctx.invalid(
                        &format!("{path}[{index}]"),
                        item,
                        InvalidReason::UnknownTheme,
                    );
                }
                Some(id)
            })
            .collect();
    }

    if let Some(mut table) = fields.opt_table(ctx, "theme_weights") {
        let mut weights = Vec::new();
        for (key, value) in table.table.iter() {
            let id = key.get_ref().to_string();
            let path = table.path(&id);
            let weight = number(ctx, &path, value);
            match theme_index(&id) {
                Some(index) => {
                    if let Some(weight) = weight {
                        weights.push((index, id, weight));
                    }
                }
                None => ctx.report(
                    key.span().start,
                    ProblemKind::InvalidValue {
                        key: path,
                        value: id,
                        reason: InvalidReason::UnknownTheme,
                    },
                ),
            }
        }
        // Every key is handled above; nothing left to call unknown.
        table.read = table
            .table
            .iter()
            .map(|(key, _)| key.get_ref().as_ref())
            .collect();
        let nothing_unknown = table.finish(ctx);
        debug_assert!(nothing_unknown.is_empty());
        // The model keeps weights in theme order, whatever the file's order.
        weights.sort_by_key(|(index, _, _)| *index);
        weighting.theme_weights = weights
            .into_iter()
            .map(|(_, id, weight)| (id, weight))
            .collect();
    }

    if let Some(mut table) = fields.opt_table(ctx, "follow_up") {
        read_number(
            ctx,
            &mut table,
            "total_below",
            &mut weighting.follow_up_total_below,
        );
        read_number(
            ctx,
            &mut table,
            "core_theme_below",
            &mut weighting.follow_up_core_theme_below,
        );
        read_small(
            ctx,
            &mut table,
            "critical_at_most",
            &mut weighting.follow_up_critical_at_most,
        );
        weighting.extra.follow_up = table.finish(ctx);
    }
    if let Some(mut table) = fields.opt_table(ctx, "robust") {
        read_number(
            ctx,
            &mut table,
            "total_at_least",
            &mut weighting.robust_total_at_least,
        );
        read_number(
            ctx,
            &mut table,
            "core_theme_at_least",
            &mut weighting.robust_core_theme_at_least,
        );
        read_small(
            ctx,
            &mut table,
            "any_criterion_above",
            &mut weighting.robust_any_criterion_above,
        );
        read_small(
            ctx,
            &mut table,
            "critical_at_least",
            &mut weighting.robust_critical_at_least,
        );
        weighting.extra.robust = table.finish(ctx);
    }
    if let Some(mut table) = fields.opt_table(ctx, "attention") {
        read_small(
            ctx,
            &mut table,
            "score_at_most",
            &mut weighting.attention_score_at_most,
        );
        read_small(
            ctx,
            &mut table,
            "perspective_gap_at_least",
            &mut weighting.attention_perspective_gap,
        );
        let path = table.path("unknown_share_above");
        if let Some(value) = table.get("unknown_share_above")
            && let Some(text) = string(ctx, &path, value)
        {
            match parse_fraction(&text) {
                Some(fraction) => weighting.attention_unknown_share_above = fraction,
                None => ctx.invalid(&path, value, InvalidReason::BadNumber),
            }
        }
        weighting.extra.attention = table.finish(ctx);
    }
    weighting.extra.weighting = fields.finish(ctx);
    weighting
}

/// Planned minutes: a whole number from 1 to 600 (ten hours is surely a typo beyond).
fn opt_minutes(ctx: &mut Ctx<'_>, table: &mut Fields<'_, '_>, key: &'static str) -> Option<u32> {
    let path = table.path(key);
    let value = table.get(key)?;
    let whole = integer(ctx, &path, value)?;
    match u32::try_from(whole) {
        Ok(minutes @ 1..=600) => Some(minutes),
        _ => {
            ctx.invalid(&path, value, InvalidReason::BadNumber);
            None
        }
    }
}

fn read_number(ctx: &mut Ctx<'_>, table: &mut Fields<'_, '_>, key: &'static str, target: &mut f64) {
    let path = table.path(key);
    if let Some(found) = table.get(key).and_then(|value| number(ctx, &path, value)) {
        *target = found;
    }
}

fn read_small(ctx: &mut Ctx<'_>, table: &mut Fields<'_, '_>, key: &'static str, target: &mut u8) {
    let path = table.path(key);
    if let Some(found) = table
        .get(key)
        .and_then(|value| small_number(ctx, &path, value))
    {
        *target = found;
    }
}

/// "1/3" as (1, 3): a fraction between 0 and 1 with a non-zero denominator.
pub(crate) fn parse_fraction(text: &str) -> Option<(u32, u32)> {
    let (numerator, denominator) = text.split_once('/')?;
    let numerator: u32 = numerator.trim().parse().ok()?;
    let denominator: u32 = denominator.trim().parse().ok()?;
    (denominator > 0 && numerator <= denominator).then_some((numerator, denominator))
}

#[cfg(test)]
mod tests {
    use super::parse_fraction;

    #[test]
    fn fractions() {
        assert_eq!(parse_fraction("1/3"), Some((1, 3)));
        assert_eq!(parse_fraction(" 2 / 5 "), Some((2, 5)));
        assert_eq!(parse_fraction("0/1"), Some((0, 1)));
        assert_eq!(parse_fraction("1/0"), None);
        assert_eq!(parse_fraction("4/3"), None);
        assert_eq!(parse_fraction("-1/3"), None);
        assert_eq!(parse_fraction("0.33"), None);
        assert_eq!(parse_fraction("1/3/4"), None);
    }
}
