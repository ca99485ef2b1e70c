//! Script tests of the plain session: input lines in, edits and output out.
//! No IO: the scan is in memory and time is fixed.

use jiff::Timestamp;
use jiff::civil::date;

use super::*;
use crate::i18n::Lang;
use crate::model::{ScanMeta, Verdict};

fn scan() -> Scan {
    let framework = crate::storage::bundled_frameworks()
        .into_iter()
        .next()
        .expect("a bundled framework");
    Scan::new(
        ScanMeta {
            region: "Regio Zeeduinen".into(),
            date: date(2026, 11, 25),
            facilitator: String::new(),
            note_taker: String::new(),
            participants: Vec::new(),
        },
        framework,
    )
}

fn now() -> Timestamp {
    "2026-11-25T10:00:00Z".parse().expect("timestamp")
}

/// Feeds the lines; returns everything printed (prompts included) and every edit.
fn run(session: &mut PlainSession, scan: &mut Scan, lines: &[&str]) -> (String, Vec<Edit>) {
    let mut output = session.opening(scan).join("\n");
    let mut edits = Vec::new();
    for line in lines {
        output.push('\n');
        output.push_str(&session.prompt(scan));
        let reply = session.handle(scan, line, now());
        output.push_str(&reply.lines.join("\n"));
        edits.extend(reply.edits);
    }
    (output, edits)
}

fn start(scan: &Scan) -> PlainSession {
    PlainSession::new(Lang::Nl.catalogue(), scan)
}

#[test]
fn a_whole_criterion_gives_one_edit_per_answer_and_confirms_each_in_words() {
    let mut scan = scan();
    let mut session = start(&scan);
    let (output, edits) = run(
        &mut session,
        &mut scan,
        &[
            "3",
            "Vastgesteld in één raad",
            "o",
            "",
            "3",
            "voorbehoud",
            "Eén gemeente twijfelt",
            "Wethouder Jansen",
        ],
    );
    assert!(output.contains("Regio Zeeduinen"), "{output}");
    assert!(output.contains("0 van 22 beantwoord"), "{output}");
    assert!(output.contains("VIS-1 Vastgestelde regiovisie"), "{output}");
    assert!(output.contains("Gemeenten: 3 – Op orde"), "{output}");
    assert!(output.contains("Aanbieders: Onbekend"), "{output}");
    assert!(
        output.contains("Notitie Aanbieders: ongewijzigd"),
        "{output}"
    );
    assert!(
        output.contains("Overeenstemming: 2 – Consensus met voorbehoud"),
        "{output}"
    );
    assert!(
        output.contains("VIS-1 klaar. 1 van 22 beantwoord."),
        "{output}"
    );
    assert!(output.contains("Criterium 2 van 22: VIS-2"), "{output}");
    // The action line makes the criterion's first action, then types into it.
    assert_eq!(edits.len(), 8, "{edits:#?}");
    let answer = &scan.answers[0];
    assert_eq!(answer.perspectives[0].score, Some(Answer::Score(3)));
    assert_eq!(answer.perspectives[0].note, "Vastgesteld in één raad");
    assert_eq!(answer.perspectives[1].score, Some(Answer::Unknown));
    assert_eq!(answer.consensus, Some(Answer::Score(3)));
    assert_eq!(answer.agreement, Some(Agreement::WithReservation));
    assert_eq!(answer.consensus_note, "Eén gemeente twijfelt");
    assert_eq!(answer.actions.len(), 1);
    assert_eq!(answer.actions[0].what, "Wethouder Jansen");
    assert_eq!(session.current(), 1);
}

#[test]
fn replaying_the_edits_on_a_fresh_scan_gives_the_same_scan() {
    let mut scan = scan();
    let mut session = start(&scan);
    let (_, edits) = run(
        &mut session,
        &mut scan,
        &["2", "eerst\\", "dan", "x", "-", "1", "3", "", "actie"],
    );
    let mut replayed = self::scan();
    for edit in &edits {
        edit.apply(&mut replayed).expect("edit fits");
    }
    assert_eq!(replayed, scan);
}

#[test]
fn a_line_ending_in_a_backslash_continues_the_note_and_commands_are_text_there() {
    let mut scan = scan();
    let mut session = start(&scan);
    let (output, _) = run(&mut session, &mut scan, &["1", "eerste regel \\", "stop"]);
    assert_eq!(scan.answers[0].perspectives[0].note, "eerste regel\nstop");
    assert!(!session.is_finished());
    assert!(output.contains("Volgende regel: "), "{output}");
    // Two backslashes keep one and end the note.
    let (_, _) = run(&mut session, &mut scan, &["", "C:\\map\\\\"]);
    assert_eq!(scan.answers[0].perspectives[1].note, "C:\\map\\");
}

#[test]
fn invalid_input_is_explained_and_the_same_field_is_asked_again() {
    let mut scan = scan();
    let mut session = start(&scan);
    let before = session.prompt(&scan);
    let (output, edits) = run(&mut session, &mut scan, &["7", "hoog", "ja"]);
    assert!(
        output.contains("Score 7 bestaat niet op deze schaal"),
        "{output}"
    );
    assert!(output.contains("Dat is geen score"), "{output}");
    assert!(edits.is_empty());
    assert_eq!(session.prompt(&scan), before);
    // The agreement field explains its own answers.
    let (output, _) = run(&mut session, &mut scan, &["", "", "", "", "", "4"]);
    assert!(output.contains("Dat is geen overeenstemming"), "{output}");
    let (_, _) = run(&mut session, &mut scan, &["geen consensus"]);
    assert_eq!(scan.answers[0].agreement, Some(Agreement::NoConsensus));
}

#[test]
fn commands_move_between_criteria_skip_and_ask_for_saves() {
    let mut scan = scan();
    let mut session = start(&scan);
    let (output, _) = run(&mut session, &mut scan, &["p"]);
    assert!(output.contains("Dit is het eerste criterium."), "{output}");
    let (output, _) = run(&mut session, &mut scan, &["ga sam-2"]);
    assert!(output.contains("SAM-2 Partnerschap"), "{output}");
    assert_eq!(session.current(), 4);
    let (output, _) = run(&mut session, &mut scan, &["ga XYZ-9"]);
    assert!(output.contains("Er is geen criterium XYZ-9"), "{output}");
    let (_, _) = run(&mut session, &mut scan, &["vorige", "n", "volgende"]);
    assert_eq!(session.current(), 5);
    let (output, edits) = run(&mut session, &mut scan, &["s"]);
    assert!(output.contains("SAM-3 geparkeerd"), "{output}");
    assert!(matches!(
        edits.as_slice(),
        [Edit::Skipped { value: true, .. }]
    ));
    assert_eq!(session.current(), 6);
    let reply = session.handle(&mut scan, "opslaan", now());
    assert_eq!(reply.request, Some(Request::Save));
    assert!(!session.is_finished());
    let reply = session.handle(&mut scan, "?", now());
    assert!(reply.lines.iter().any(|line| line.starts_with("ga:")));
    let reply = session.handle(&mut scan, "oordeel", now());
    assert!(reply.lines.iter().any(|line| line.contains("Oordeel:")));
    let reply = session.handle(&mut scan, "stop", now());
    assert_eq!(reply.request, Some(Request::SaveAndStop));
    assert!(session.is_finished());
}

#[test]
fn a_note_starting_with_a_command_word_is_a_note() {
    let mut scan = scan();
    let mut session = start(&scan);
    let (_, _) = run(
        &mut session,
        &mut scan,
        &["", "ga maar door", "", "stop met dit"],
    );
    assert_eq!(scan.answers[0].perspectives[0].note, "ga maar door");
    assert_eq!(scan.answers[0].perspectives[1].note, "stop met dit");
}

#[test]
fn end_of_input_keeps_a_note_that_was_still_continuing() {
    let mut scan = scan();
    let mut session = start(&scan);
    let (_, _) = run(&mut session, &mut scan, &["4", "half af\\"]);
    let reply = session.end_of_input(&mut scan, now());
    assert_eq!(scan.answers[0].perspectives[0].note, "half af");
    assert_eq!(reply.edits.len(), 1);
    assert!(session.is_finished());
}

#[test]
fn opening_starts_at_the_first_unanswered_criterion() {
    let mut scan = scan();
    scan.answers[0].consensus = Some(Answer::Score(3));
    scan.answers[1].agreement = Some(Agreement::NoConsensus);
    let session = start(&scan);
    assert_eq!(session.current(), 2);
    assert!(
        session
            .opening(&scan)
            .join("\n")
            .contains("2 van 22 beantwoord")
    );
}

#[test]
fn when_everything_is_answered_only_commands_are_asked() {
    let mut scan = scan();
    for answer in &mut scan.answers {
        answer.consensus = Some(Answer::Score(3));
    }
    let mut session = start(&scan);
    let opening = session.opening(&scan).join("\n");
    assert!(
        opening.contains("Alle criteria zijn beantwoord."),
        "{opening}"
    );
    assert_eq!(session.prompt(&scan), "Opdracht: ");
    let reply = session.handle(&mut scan, "3", now());
    assert!(reply.edits.is_empty());
    assert!(reply.lines[0].contains("Onbekende opdracht"));
    let (_, _) = run(&mut session, &mut scan, &["ga VIS-2", "1"]);
    assert_eq!(
        scan.answers[1].perspectives[0].score,
        Some(Answer::Score(1))
    );
}

#[test]
fn control_characters_typed_in_never_reach_the_scan() {
    let mut scan = scan();
    let mut session = start(&scan);
    let (_, _) = run(&mut session, &mut scan, &["", "a\u{1b}[31mb\u{202e}c\r\n"]);
    assert_eq!(scan.answers[0].perspectives[0].note, "a[31mbc");
}

#[test]
fn the_score_prompt_lists_the_levels_with_their_labels() {
    let scan = crate::storage::parse_scan(include_str!(
        "../../tests/fixtures/valid/scan-three-perspectives-five-point.toml"
    ))
    .expect("fixture scan parses")
    .value;
    for (lang, expected) in [
        (
            Lang::Nl,
            "score: 1 Afwezig, 2 Beperkt, 3 Deels, 4 Grotendeels, 5 Volledig, o Onbekend, x N.v.t.: ",
        ),
        (
            Lang::En,
            "score: 1 Afwezig, 2 Beperkt, 3 Deels, 4 Grotendeels, 5 Volledig, o Onbekend, x N.v.t.: ",
        ),
    ] {
        let session = PlainSession::new(lang.catalogue(), &scan);
        let prompt = session.prompt(&scan);
        assert!(prompt.ends_with(expected), "{prompt:?}");
        assert!(prompt.starts_with("Gemeenten, "), "{prompt:?}");
    }
}

#[test]
fn the_verdict_is_the_one_the_facilitator_decided() {
    // Nothing scored: the rule says robuust met aandachtspunten; the
    // facilitator moved it one level down, as the outcome screen and every
    // report show it.
    let mut scan = scan();
    scan.verdict_override = Some(crate::model::VerdictOverride {
        verdict: Verdict::FollowUp,
        rationale: "De regiovisie ontbreekt nog.".into(),
        extra: crate::model::Extra::default(),
    });
    let mut session = start(&scan);
    let reply = session.handle(&mut scan, "oordeel", now());
    assert_eq!(
        crate::model::evaluate(&scan).verdict(),
        Verdict::FollowUp,
        "the override applies"
    );
    let text = Lang::Nl.catalogue();
    let stated = format!(
        "{} {}",
        text.summary_verdict,
        (text.verdict)(Verdict::FollowUp)
    );
    assert!(reply.lines.contains(&stated), "{:#?}", reply.lines);
    assert!(
        reply
            .lines
            .iter()
            .any(|line| line.contains("De regiovisie ontbreekt nog.")),
        "{:#?}",
        reply.lines
    );
}

// ---- the regional agenda (agenda engineer) ----

#[test]
fn the_agenda_command_lists_actions_and_stand_sets_a_status() {
    use crate::model::{ActionStatus, AgendaAction};
    let mut scan = scan();
    scan.answers[0].actions = vec![AgendaAction {
        what: "Raadsbrief".into(),
        owner: "Anna".into(),
        due: Some(date(2026, 11, 1)),
        carried_from: Some(date(2025, 11, 20)),
        ..AgendaAction::new()
    }];
    let mut session = start(&scan);
    let (output, edits) = run(
        &mut session,
        &mut scan,
        &["agenda", "stand 1 klaar", "stand 2 klaar", "stand 1 gedaan"],
    );
    // Asked on arrival, listed with owner, date, status and TE LAAT.
    assert!(output.contains("hoe staan die er nu voor?"), "{output}");
    assert!(output.contains("1 actie, 1 te laat"), "{output}");
    assert!(
        output.contains("VIS-1: Raadsbrief — Eigenaar: Anna · Uiterlijk: 2026-11-01 · open"),
        "{output}"
    );
    assert!(output.contains("TE LAAT"), "{output}");
    assert!(output.contains("actie 1: klaar"), "{output}");
    // Only the valid one is an edit; "stand 2 klaar" names no action and
    // "stand 1 gedaan" no status, so at a score prompt they are not commands.
    assert_eq!(edits.len(), 1, "{edits:#?}");
    assert_eq!(scan.answers[0].actions[0].status, ActionStatus::Done);
}
