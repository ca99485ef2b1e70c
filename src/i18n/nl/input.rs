//! De Nederlandse teksten voor vreemde of vijandige invoer: lange lijsten
//! meldingen, afgekeurde herstelbestanden, onzichtbare tekens.

use crate::i18n::InputText;
use crate::model::gate::Rejection;

pub const INPUT: InputText = InputText {
    more_problems: |more| format!("… en nog {more} melding(en) die hier niet staan"),
    journal_rejected: |kept, record, reason, path| {
        format!(
            "Het herstelbestand bevatte een ongeldige wijziging (nummer {record}: {reason}). \
             De {kept} wijziging(en) daarvoor zijn hersteld; het herstelbestand is niet verder \
             toegepast en ongewijzigd bewaard als {path}."
        )
    },
    rejection: |rejection| match rejection {
        Rejection::UnknownCriterion(id) => format!("onbekend criterium '{id}'"),
        Rejection::UnknownPerspective(id) => format!("onbekend perspectief '{id}'"),
        Rejection::NotOnScale(value) => format!("score {value} staat niet op de schaal"),
        Rejection::HiddenCharacter(code) => {
            format!("de tekst bevat een stuurteken of onzichtbaar teken ({code})")
        }
        Rejection::OutOfRange => "tekstwijziging buiten de tekst".to_string(),
        Rejection::EmptyRationale => {
            "een aangepast oordeel heeft een geschreven toelichting nodig".to_string()
        }
        Rejection::NoSuchConflict(field) => format!("geen conflict van het samenvoegen op {field}"),
        Rejection::Unreadable => "het resultaat zou niet meer te openen zijn".to_string(),
    },
    hidden_problem: |key, count| {
        format!(
            "'{key}' bevat {count} stuurteken(s) of onzichtbare teken(s) (zoals ESC, een verticale tab \
             of een regeleinde in een veld van één regel); ze worden getoond als \\u{{…}} en bij de \
             volgende opslag zo weggeschreven"
        )
    },
    hidden_on_open: |count, backup| {
        format!(
            "Deze scan bevat {count} stuurteken(s) of onzichtbare teken(s); ze staan zichtbaar als \
             \\u{{…}}. Bij de volgende opslag worden ze zo weggeschreven; het origineel blijft dan \
             bewaard als {backup}. Sluit zonder iets te wijzigen om het bestand te laten zoals het is."
        )
    },
    argument_refused: |option| {
        format!(
            "{option} bevat een stuurteken, regeleinde of onzichtbaar teken; \
             typ de tekst opnieuw zonder zulke tekens. Er is niets geschreven."
        )
    },
};
