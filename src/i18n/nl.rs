//! De Nederlandse teksten: de standaardtaal van zelfscan.

use super::Catalogue;
use crate::storage::{InvalidReason, ProblemKind};

pub const NL: Catalogue = Catalogue {
    app_name: "zelfscan",
    problem,
    warning_prefix: "waarschuwing: ",
    error_prefix: "",
};

fn problem(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::Empty => "het bestand is leeg".to_string(),
        ProblemKind::NotUtf8 { byte_offset } => format!(
            "het bestand is geen geldige UTF-8-tekst (ongeldige byte op positie {byte_offset}); \
             sla het op als UTF-8"
        ),
        ProblemKind::Syntax { detail } => format!("geen geldige TOML: {detail}"),
        ProblemKind::MissingKey { key } => format!("'{key}' ontbreekt"),
        ProblemKind::WrongType {
            key,
            expected,
            found,
        } => format!(
            "'{key}' moet een {} zijn, maar is een {}",
            type_name(expected),
            type_name(found)
        ),
        ProblemKind::InvalidValue { key, value, reason } => {
            format!("'{key}' = {value}: {}", invalid_reason(reason))
        }
        ProblemKind::DuplicateId { id, first_line } => {
            format!("'{id}' komt twee keer voor (eerder op regel {first_line})")
        }
        ProblemKind::UnknownCriterion { id } => {
            format!(
                "antwoord voor '{id}', maar het kader van deze scan heeft geen criterium met die code"
            )
        }
        ProblemKind::UnknownPerspective { id } => {
            format!("'{id}' is geen perspectief van het kader van deze scan")
        }
        ProblemKind::UnknownKey { key } => {
            format!("'{key}' is onbekend voor deze versie van zelfscan; de waarde blijft bewaard")
        }
        ProblemKind::NewerSchema { found, supported } => format!(
            "gemaakt door een nieuwere zelfscan (schema_version {found}; deze versie kent t/m {supported})"
        ),
        ProblemKind::UnknownFileKind => {
            "dit is geen scan en geen kader: 'region' of 'themes' ontbreekt".to_string()
        }
    }
}

fn invalid_reason(reason: &InvalidReason) -> &'static str {
    match reason {
        InvalidReason::BadId => "een code mag alleen letters, cijfers, '-' en '_' bevatten",
        InvalidReason::NotOnScale => {
            "geen waarde van de antwoordschaal (gebruik een score van de schaal, \"onbekend\" of \"nvt\")"
        }
        InvalidReason::BadDate => "geen geldige datum; schrijf bijvoorbeeld \"2026-11-25\"",
        InvalidReason::BadTimestamp => {
            "geen geldig tijdstip; schrijf bijvoorbeeld \"2026-11-25T10:12:03Z\""
        }
        InvalidReason::BadAgreement => "kies \"consensus\", \"voorbehoud\" of \"geen_consensus\"",
        InvalidReason::ScaleOutOfRange => "schaalwaarden lopen van 1 tot en met 9",
        InvalidReason::EmptyList => "deze lijst mag niet leeg zijn",
        InvalidReason::BadNumber => "geen bruikbaar getal",
    }
}

/// TOML type names in Dutch.
fn type_name(toml_type: &str) -> &str {
    match toml_type {
        "string" => "tekst",
        "integer" => "geheel getal",
        "float" => "getal",
        "boolean" => "waar/onwaar",
        "datetime" => "datum/tijd",
        "array" => "lijst",
        "table" => "tabel",
        other => other,
    }
}
