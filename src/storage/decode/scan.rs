//! Decoding a scan: the meta data, the participants, the answers, and the
//! embedded framework the answers are checked against.

use jiff::Timestamp;
use jiff::civil::Date;
use toml::Spanned;
use toml::de::{DeString, DeValue};

use super::agenda::AgendaKeys;
use super::framework::decode_framework;
use super::pieces::PIECEWISE_FROM;
use super::shared::{self, SharedFrameworks};
use super::{
    Ctx, Fields, Value, decode_file, decode_file_with, decode_scan_before_framework, in_save_order,
    keep_unknown, string, table, text_value,
};
use crate::model::gate::{self, Shape};
use crate::model::{
    Agreement, Answer, CriterionAnswer, Extra, Framework, Participant, PerspectiveAnswer, Scan,
    ScanMeta, Verdict, VerdictOverride,
};
use crate::storage::text::strip_bom;
use crate::storage::{FileKind, InvalidReason, Loaded, Problem, ProblemKind};

/// The keys of an `[answers.<id>]` table that are not perspective subtables.
/// A perspective may not use one of these as its id.
pub(in crate::storage) const ANSWER_FIELDS: [&str; 10] = [
    "conflicts",
    "consensus",
    "agreement",
    "consensus_note",
    "skipped",
    "changed_at",
    // The agenda (see `decode/agenda.rs`).
    super::agenda::AGENDA_FIELDS[0],
    super::agenda::AGENDA_FIELDS[1],
    super::agenda::AGENDA_FIELDS[2],
    super::agenda::AGENDA_FIELDS[3],
];

/// The file text for "onbekend" and "n.v.t." answers.
pub(in crate::storage) const UNKNOWN_KEY: &str = "onbekend";
pub(in crate::storage) const NOT_APPLICABLE_KEY: &str = "nvt";

/// Parses the text of a scan file.
pub(in crate::storage) fn scan(source: &str) -> Result<Loaded<Scan>, Vec<Problem>> {
    super::framework_first::decode_scan(source, PIECEWISE_FROM, false)
        .unwrap_or_else(|| decode_file(source, FileKind::Scan, decode_scan))
}

/// Parses a scan written by a newer zelfscan as far as this build understands
/// it; what it does not know comes back as warnings. Only for showing it
/// read-only: saving would drop what this build cannot represent.
pub(in crate::storage) fn scan_from_newer(source: &str) -> Result<Loaded<Scan>, Vec<Problem>> {
    super::framework_first::decode_scan(source, PIECEWISE_FROM, true)
        .unwrap_or_else(|| decode_file_with(source, FileKind::Scan, true, decode_scan))
}

/// [`scan`], reusing a framework already decoded from the same text in
/// `shared`, and keeping this scan's framework there when it loaded without
/// a problem (see `shared.rs`).
pub(in crate::storage) fn scan_sharing(
    source: &str,
    shared: &SharedFrameworks,
) -> Result<Loaded<Scan>, Vec<Problem>> {
    let text = strip_bom(source);
    let start = shared::framework_start(text);
    if let Some(at) = start
        && let Some(framework) = shared.get(&text[at..])
        && let Some(result) = decode_scan_before_framework(text, at, framework, decode_scan)
    {
        return result;
    }
    let result = scan(source);
    if let (Some(at), Ok(loaded)) = (start, &result)
        && loaded.warnings.is_empty()
        && loaded.migrated_from.is_none()
    {
        shared.learn(&text[at..], &loaded.value.framework);
    }
    result
}

pub(super) fn decode_scan(ctx: &mut Ctx<'_>, mut fields: Fields<'_, '_>) -> Scan {
    // The framework first: participants and answers are checked against it.
    let framework =
        fields
            .req_table(ctx, "framework")
            .map(|table| match ctx.known_framework.take() {
                Some(known) => known,
                None => decode_framework(ctx, table),
            });
    let region = fields.req_string(ctx, "region").unwrap_or_default();
    let date = fields
        .required(ctx, "date")
        .and_then(|value| date(ctx, "date", value))
        .unwrap_or_default();
    let facilitator = fields.opt_string(ctx, "facilitator");
    let note_taker = fields.opt_string(ctx, "note_taker");

    // Without a framework there is nothing to check answers against; the
    // missing `[framework]` is already reported.
    let Some(framework) = framework else {
        fields.get("participants");
        fields.get("answers");
        fields.get("verdict_override");
        fields.get("prepared_for");
        let mut scan = Scan::new(
            ScanMeta {
                region,
                date,
                facilitator,
                note_taker,
                participants: Vec::new(),
            },
            placeholder_framework(),
        );
        scan.extra = fields.finish(ctx);
        return scan;
    };

    let mut participants = Vec::new();
    if let Some((tables, _)) = fields.table_array(ctx, "participants", false) {
        for mut table in tables {
            let name = table.req_string(ctx, "name").unwrap_or_default();
            let organisation = table.opt_string(ctx, "organisation");
            let path = table.path("perspective");
            let perspective = table
                .required(ctx, "perspective")
                .and_then(|value| {
                    let id = string(ctx, &path, value)?;
                    if framework.perspective_index(&id).is_none() {
                        ctx.report(
                            value.span().start,
                            ProblemKind::UnknownPerspective { id: id.clone() },
                        );
                    }
                    Some(id)
                })
                .unwrap_or_default();
            participants.push(Participant {
                name,
                organisation,
                perspective,
                extra: table.finish(ctx),
            });
        }
    }

    let mut scan = Scan::new(
        ScanMeta {
            region,
            date,
            facilitator,
            note_taker,
            participants,
        },
        framework,
    );
    scan.prepared_for = super::conflicts::prepared_for(ctx, &mut fields, &scan.framework);
    if let Some(table) = fields.opt_table(ctx, "verdict_override") {
        scan.verdict_override = verdict_override(ctx, table);
    }
    if let Some(answers) = fields.opt_table(ctx, "answers") {
        let positions = scan.framework.criterion_positions();
        let mut decode_one = |ctx: &mut Ctx<'_>, key: &Spanned<DeString<'_>>, value: &Value<'_>| {
            let id = key.get_ref().as_ref();
            let Some(&index) = positions.get(id) else {
                ctx.report(
                    key.span().start,
                    ProblemKind::UnknownCriterion { id: id.to_string() },
                );
                return;
            };
            let path = answers.path(id);
            if let Some(table) = table(ctx, &path, value) {
                scan.answers[index] = decode_answer(ctx, &table, &scan.framework);
            }
        };
        match ctx.taken_answers.take() {
            // Taken out of the tree (see `framework_first.rs`): each answer's
            // part of the tree is freed once it is decoded.
            Some(taken) => {
                for (key, value) in taken {
                    decode_one(ctx, &key, &value);
                }
            }
            None => {
                for (key, value) in answers.table.iter() {
                    decode_one(ctx, key, value);
                }
            }
        }
    }
    scan.extra = fields.finish(ctx);
    scan
}

/// Stands in for a framework that is missing, so a scan value can be built
/// while the error is reported.
fn placeholder_framework() -> Framework {
    use crate::model::{AnswerScale, SpecialAnswerDef, Weighting};
    let empty = || SpecialAnswerDef {
        label: String::new(),
        meaning: String::new(),
        extra: Extra::default(),
    };
    Framework {
        id: String::new(),
        title: String::new(),
        version: String::new(),
        language: String::new(),
        description: String::new(),
        scale: AnswerScale {
            levels: Vec::new(),
            unknown: empty(),
            not_applicable: empty(),
            extra: Extra::default(),
        },
        perspectives: Vec::new(),
        agreement_levels: Vec::new(),
        themes: Vec::new(),
        weighting: Weighting::default(),
        extra: Extra::default(),
        index: Default::default(),
    }
}

fn decode_answer(
    ctx: &mut Ctx<'_>,
    table: &Fields<'_, '_>,
    framework: &Framework,
) -> CriterionAnswer {
    let mut answer = CriterionAnswer::empty(framework.perspectives.len());
    let mut agenda = AgendaKeys::default();
    let path = |key: &str| table.path(key);
    for (key, value) in table.table.iter() {
        let name = key.get_ref().as_ref();
        let key_path = path(name);
        if agenda.read(ctx, name, &key_path, value, framework) {
            continue;
        }
        match name {
            "consensus" => answer.consensus = score(ctx, &key_path, value, framework),
            "agreement" => answer.agreement = agreement_key(ctx, &key_path, value),
            "conflicts" => {
                answer.conflicts =
                    super::conflicts::conflicts(ctx, &key_path, value, framework, score);
            }
            "consensus_note" => {
                answer.consensus_note =
                    text_value(ctx, &key_path, value, Shape::Text).unwrap_or_default();
            }
            "skipped" => match value.get_ref() {
                DeValue::Boolean(flag) => answer.skipped = *flag,
                _ => ctx.wrong_type(&key_path, value, "boolean"),
            },
            "consensus_note_private" => match value.get_ref() {
                DeValue::Boolean(flag) => answer.consensus_note_private = *flag,
                _ => ctx.wrong_type(&key_path, value, "boolean"),
            },
            "changed_at" => {
                if let Some(text) = string(ctx, &key_path, value) {
                    match text.parse::<Timestamp>() {
                        Ok(stamp) => answer.changed_at = Some(stamp),
                        Err(_) => ctx.invalid(&key_path, value, InvalidReason::BadTimestamp),
                    }
                }
            }
            other => match framework.perspective_index(other) {
                Some(index) => {
                    if let Some(view) = super::table(ctx, &key_path, value) {
                        answer.perspectives[index] = decode_view(ctx, view, framework);
                    }
                }
                // A table here can only be meant as a perspective's view.
                None if value.get_ref().is_table() => ctx.report(
                    key.span().start,
                    ProblemKind::UnknownPerspective {
                        id: other.to_string(),
                    },
                ),
                None => keep_unknown(ctx, &mut answer.extra, &table.path, key, value),
            },
        }
    }
    (answer.ambition, answer.actions) = agenda.finish();
    answer.extra = in_save_order(&answer.extra);
    answer
}

fn decode_view(
    ctx: &mut Ctx<'_>,
    mut table: Fields<'_, '_>,
    framework: &Framework,
) -> PerspectiveAnswer {
    let path = table.path("score");
    let score = table
        .get("score")
        .and_then(|value| score(ctx, &path, value, framework));
    let note = table.opt_text(ctx, "note");
    let note_private = table.opt_bool(ctx, "note_private");
    PerspectiveAnswer {
        score,
        note,
        note_private,
        extra: table.finish(ctx),
    }
}

/// An agreement level's key.
pub(super) fn agreement_key(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>) -> Option<Agreement> {
    let text = string(ctx, path, value)?;
    let agreement = Agreement::from_key(&text);
    if agreement.is_none() {
        ctx.invalid(path, value, InvalidReason::BadAgreement);
    }
    agreement
}

/// A score: a level of the framework's scale, "onbekend" or "nvt".
fn score(
    ctx: &mut Ctx<'_>,
    path: &str,
    value: &Value<'_>,
    framework: &Framework,
) -> Option<Answer> {
    let answer = match value.get_ref() {
        DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix())
            .ok()
            .and_then(|whole| u8::try_from(whole).ok())
            .map(Answer::Score)
            // The same gate a replayed journal passes.
            .filter(|&answer| gate::on_scale(framework, answer)),
        DeValue::String(text) if text == UNKNOWN_KEY => Some(Answer::Unknown),
        DeValue::String(text) if text == NOT_APPLICABLE_KEY => Some(Answer::NotApplicable),
        DeValue::String(_) => None,
        _ => {
            ctx.wrong_type(path, value, "integer");
            return None;
        }
    };
    if answer.is_none() {
        ctx.invalid(path, value, InvalidReason::NotOnScale);
    }
    answer
}

/// A date written as "2026-11-25", exactly: other forms jiff would accept
/// (with a time, say) would not survive a save unchanged.
fn date(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>) -> Option<Date> {
    let text = string(ctx, path, value)?;
    let parsed = text
        .parse::<Date>()
        .ok()
        .filter(|date| date.to_string() == text);
    if parsed.is_none() {
        ctx.invalid(path, value, InvalidReason::BadDate);
    }
    parsed
}

/// `[verdict_override]`: a verdict key and a rationale that is not empty.
fn verdict_override(ctx: &mut Ctx<'_>, mut table: Fields<'_, '_>) -> Option<VerdictOverride> {
    let path = table.path("verdict");
    let verdict = table.required(ctx, "verdict").and_then(|value| {
        let key = string(ctx, &path, value)?;
        let verdict = Verdict::from_key(&key);
        if verdict.is_none() {
            ctx.invalid(&path, value, InvalidReason::BadVerdict);
        }
        verdict
    });
    let path = table.path("rationale");
    let rationale = table.required(ctx, "rationale").and_then(|value| {
        let text = text_value(ctx, &path, value, Shape::Text)?;
        if text.trim().is_empty() {
            ctx.invalid(&path, value, InvalidReason::EmptyRationale);
        }
        Some(text)
    });
    let extra = table.finish(ctx);
    Some(VerdictOverride {
        verdict: verdict?,
        rationale: rationale?,
        extra,
    })
}
