//! De Nederlandse teksten van de gewone modus, regel voor regel
//! (`zelfscan open --plain`): kort, zonder tekens die een schermlezer
//! onnodig voorleest.

use crate::i18n::PlainText;
use crate::model::Agreement;
use crate::vocab::PlainCommand;

pub const PLAIN: PlainText = PlainText {
    scan_header: |region, date, framework| format!("Scan {region}, {date}, kader {framework}"),
    intro: "Typ bij elke vraag een antwoord en druk Enter. Alleen Enter laat het veld zoals het is. Typ ? voor hulp.",
    criterion_heading: |number, total, id, title, critical| {
        let critical = if critical { ", kritiek" } else { "" };
        format!("Criterium {number} van {total}: {id} {title}{critical}")
    },
    theme_line: |id, title| format!("Thema {id} {title}"),
    questions_heading: "Hulpvragen:",
    recorded_heading: "Nu vastgelegd:",
    no_answer: "geen antwoord",
    numbered: |number, label| format!("{number} – {label}"),
    confirmed: |field, value| format!("{field}: {value}"),
    unchanged: |field| format!("{field}: ongewijzigd"),
    cleared: "gewist",
    note_label: |perspective| format!("Notitie {perspective}"),
    joint_note_label: "Gezamenlijke toelichting",
    agreement_label: "Overeenstemming",
    action_label: "Actie",
    prompt_score: |field, levels| format!("{field}, score: {levels}: "),
    prompt_note: |perspective| format!("Notitie {perspective}: "),
    prompt_joint_note: "Gezamenlijke toelichting: ",
    prompt_agreement: "Overeenstemming, 1 consensus, 2 voorbehoud, 3 geen: ",
    prompt_action: "Actie: ",
    prompt_continue: "Volgende regel: ",
    prompt_command: "Opdracht: ",
    bad_score: |low, high| {
        format!(
            "Dat is geen score. Typ {low} tot {high}, o voor onbekend, x voor niet van toepassing, of alleen Enter om het te laten staan."
        )
    },
    bad_agreement: "Dat is geen overeenstemming. Typ 1 of consensus, 2 of voorbehoud, 3 of geen, of alleen Enter om het te laten staan.",
    clear_words: &["-", "wis"],
    unknown_words: &["o", "onbekend"],
    not_applicable_words: &["x", "nvt", "n.v.t."],
    agreement_words,
    command_words,
    command_help,
    help_intro: "Bij elke vraag kun je ook een van deze opdrachten typen:",
    help_answers: &[
        "Alleen Enter laat een veld zoals het is; - of wis maakt het leeg.",
        "Een notitie is één regel. Eindigt een regel op \\, dan gaat de notitie op de volgende regel verder. Eindigt hij op \\\\, dan blijft er één \\ staan.",
        "Overeenstemming: 1 of consensus, 2 of voorbehoud, 3 of geen.",
        "Aan het eind van de invoer slaat zelfscan alles op.",
    ],
    unknown_command: "Onbekende opdracht. Typ ? voor hulp.",
    at_last_criterion: "Dit is het laatste criterium.",
    go_to_needs_id: "Typ ga met de code van een criterium, bijvoorbeeld: ga VIS-3",
    unknown_criterion: |typed, examples| {
        format!("Er is geen criterium {typed}. Codes zijn bijvoorbeeld {examples}.")
    },
    skipped: |id| format!("{id} geparkeerd; je kunt er later op terugkomen."),
    criterion_done: |id, progress| format!("{id} klaar. {progress}."),
    at_end_hint: "Typ ga met een code om een criterium te herzien, of stop om op te slaan en te stoppen.",
    journal_failed: |error| {
        format!(
            "Let op: niet bewaard in het herstelbestand: {error}. Typ opslaan om het bestand nu op te slaan."
        )
    },
    save_failed: |error, journal| {
        format!(
            "NIET opgeslagen: {error}. Je werk staat in het herstelbestand {journal}; open de scan opnieuw als het probleem is opgelost, dan herstelt zelfscan het."
        )
    },
    saved_and_closed: |path| format!("Opgeslagen in {path}. De scan is gesloten."),
    unchanged_and_closed: |path| {
        format!("Niets gewijzigd; alles staat al in {path}. De scan is gesloten.")
    },
    locked_hint: "Sluit de scan daar eerst en probeer het dan opnieuw.",
    newer_refused: "De gewone modus kan deze scan niet openen. Gebruik de nieuwere zelfscan.",
    needs_file: "Geef de scan op die je wilt openen: zelfscan open --plain BESTAND, of maak er een met zelfscan new --region NAAM.",
    input_failed: |error| {
        format!("De invoer of uitvoer werkt niet meer ({error}); alles tot hier wordt opgeslagen.")
    },
};

fn agreement_words(level: Agreement) -> &'static [&'static str] {
    match level {
        Agreement::Consensus => &["consensus"],
        Agreement::WithReservation => &["voorbehoud", "consensus met voorbehoud"],
        Agreement::NoConsensus => &["geen", "geen consensus", "geen_consensus"],
    }
}

fn command_words(command: PlainCommand) -> &'static [&'static str] {
    match command {
        PlainCommand::Help => &["?", "hulp"],
        PlainCommand::Next => &["volgende", "n"],
        PlainCommand::Previous => &["vorige", "p"],
        PlainCommand::GoTo => &["ga"],
        PlainCommand::Skip => &["parkeren", "overslaan", "s"],
        PlainCommand::Verdict => &["oordeel"],
        PlainCommand::Save => &["opslaan"],
        PlainCommand::Stop => &["stop"],
        PlainCommand::Agenda => &["agenda", "acties"],
        PlainCommand::ActionStatus => &["stand"],
    }
}

fn command_help(command: PlainCommand) -> &'static str {
    match command {
        PlainCommand::Help => "deze hulp",
        PlainCommand::Next => "naar het volgende criterium",
        PlainCommand::Previous => "naar het vorige criterium",
        PlainCommand::GoTo => "naar een criterium, bijvoorbeeld: ga VIS-3",
        PlainCommand::Skip => "dit criterium parkeren en later terugkomen",
        PlainCommand::Verdict => "het oordeel tot nu toe, met de redenen",
        PlainCommand::Save => "nu opslaan",
        PlainCommand::Stop => "opslaan en stoppen",
        PlainCommand::Agenda => "alle acties van de scan, op datum, met wat te laat is",
        PlainCommand::ActionStatus => {
            "de stand van een actie van dit criterium, bijvoorbeeld: stand 1 klaar"
        }
    }
}
