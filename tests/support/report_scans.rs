//! Scans built in code for the report tests, on the bundled framework, with
//! fixed dates and timestamps so every report is the same on every run. The
//! regions are fictitious. Included by `tests/report.rs` and
//! `tests/report_cli.rs` with `#[path]`; each uses only part of it.
#![allow(dead_code)]

use jiff::Timestamp;
use zelfscan::model::{
    ActionStatus, AgendaAction, Agreement, Ambition, Answer, CriterionAnswer, Participant, Scan,
    ScanMeta, Verdict, VerdictOverride,
};

/// Every in-code scan, by the name its snapshots carry.
pub fn all() -> Vec<(&'static str, Scan)> {
    vec![
        ("complete", complete()),
        ("incomplete", incomplete()),
        ("override", override_applied()),
        ("override-too-far", override_too_far()),
    ]
}

const CHANGED_AT: &str = "2026-11-25T10:12:03Z";

fn framework() -> zelfscan::model::Framework {
    zelfscan::storage::bundled_frameworks()
        .into_iter()
        .next()
        .expect("a bundled framework")
}

fn participant(name: &str, organisation: &str, perspective: &str) -> Participant {
    Participant {
        name: name.to_string(),
        organisation: organisation.to_string(),
        perspective: perspective.to_string(),
        ..Participant::default()
    }
}

fn scan(region: &str, participants: Vec<Participant>) -> Scan {
    Scan::new(
        ScanMeta {
            region: region.to_string(),
            date: jiff::civil::date(2026, 11, 25),
            facilitator: "Anouk Séverin".to_string(),
            note_taker: "Sven de Jong".to_string(),
            participants,
        },
        framework(),
    )
}

fn answer_mut<'a>(scan: &'a mut Scan, id: &str) -> &'a mut CriterionAnswer {
    let index = scan
        .framework
        .criterion_index(id)
        .unwrap_or_else(|| panic!("no criterion {id}"));
    &mut scan.answers[index]
}

fn changed_at() -> Timestamp {
    CHANGED_AT.parse().expect("a timestamp")
}

/// Both perspectives and the room, one score each, with consensus.
fn agree(scan: &mut Scan, id: &str, municipalities: u8, providers: u8, consensus: u8) {
    let answer = answer_mut(scan, id);
    answer.perspectives[0].score = Some(Answer::Score(municipalities));
    answer.perspectives[1].score = Some(Answer::Score(providers));
    answer.consensus = Some(Answer::Score(consensus));
    answer.agreement = Some(Agreement::Consensus);
    answer.changed_at = Some(changed_at());
}

/// Every criterion of the framework answered with the same score, by consensus.
fn answer_all(scan: &mut Scan, score: u8) {
    let ids: Vec<String> = scan
        .framework
        .criteria()
        .map(|entry| entry.criterion.id.clone())
        .collect();
    for id in ids {
        agree(scan, &id, score, score, score);
    }
}

/// Complete and robust, with notes in every shape: diacritics, several lines,
/// a semicolon, a point of attention and actions with owners.
pub fn complete() -> Scan {
    let mut scan = scan(
        "Regio Zeeduinen",
        vec![
            participant("Els Bakker", "Gemeente Zeeduinen", "gemeenten"),
            participant("Chloë van den Berg", "Gemeente Duinrand", "gemeenten"),
            participant("Ömer Yılmaz", "Stichting Jeugdhulp Kust", "aanbieders"),
        ],
    );
    answer_all(&mut scan, 3);
    agree(&mut scan, "VIS-1", 4, 3, 4);
    {
        let answer = answer_mut(&mut scan, "VIS-1");
        answer.perspectives[0].note = "Alle colleges én raden hebben ingestemd.".to_string();
        answer.perspectives[1].note =
            "Aanbieders zijn betrokken bij de consultatie; geëvalueerd is er nog niet.".to_string();
        answer.consensus_note = "Vastgesteld in alle raden.\nDe raad van Duinrand vroeg om een \
                                 extra paragraaf over financiën."
            .to_string();
    }
    agree(&mut scan, "SAM-2", 3, 1, 2);
    {
        let answer = answer_mut(&mut scan, "SAM-2");
        answer.agreement = Some(Agreement::WithReservation);
        answer.perspectives[1].note = "Het partnerschap staat op papier, \"maar\" we merken \
                                       het niet."
            .to_string();
        answer.consensus_note = "Voorbehoud: aanbieders zien het partnerschap nog niet terug \
                                 in de praktijk."
            .to_string();
        answer.actions = vec![AgendaAction {
            what: "Gezamenlijke agenda opstellen".to_string(),
            owner: "Fatima el Idrissi (regio)".to_string(),
            due: Some(jiff::civil::date(2027, 3, 1)),
            status: ActionStatus::Ongoing,
            ..AgendaAction::default()
        }];
        answer.ambition = Some(Ambition {
            level: Some(4),
            due: Some(jiff::civil::date(2027, 12, 31)),
            needed: "Een partnerschapsagenda die aanbieders mee schrijven".to_string(),
            ..Ambition::default()
        });
    }
    agree(&mut scan, "STR-3", 4, 4, 4);
    agree(&mut scan, "INK-2", 4, 3, 4);
    answer_mut(&mut scan, "INK-2").actions = vec![AgendaAction {
        what: "Meerjarige afspraken vastleggen\n1. concept: René (inkoop)\n2. besluit: stuurgroep"
            .to_string(),
        ..AgendaAction::default()
    }];
    agree(&mut scan, "SCH-1", 4, 4, 4);
    {
        let answer = answer_mut(&mut scan, "SCH-3");
        answer.perspectives[1].score = Some(Answer::Unknown);
        answer.consensus = Some(Answer::Unknown);
        answer.consensus_note = "Cijfers over wachttijden ontbreken.".to_string();
    }
    {
        let answer = answer_mut(&mut scan, "LER-2");
        answer.perspectives[0].score = Some(Answer::NotApplicable);
        answer.perspectives[1].score = Some(Answer::NotApplicable);
        answer.consensus = Some(Answer::NotApplicable);
    }
    scan
}

/// Unfinished: a criterion without consensus and a wide gap, one skipped,
/// one partly filled, hostile text in notes, and most criteria still open.
pub fn incomplete() -> Scan {
    let mut scan = scan(
        "Regio Heuvelrand",
        vec![
            participant("Jan de Vries", "Gemeente Heuvelrand", "gemeenten"),
            participant("Zoë Ağaoğlu", "Jeugdzorg & Co", "aanbieders"),
        ],
    );
    {
        let answer = answer_mut(&mut scan, "VIS-1");
        answer.perspectives[0].score = Some(Answer::Score(4));
        answer.perspectives[0].note = "Raadsbesluit van 12 maart.".to_string();
        answer.perspectives[1].score = Some(Answer::Score(1));
        answer.perspectives[1].note = "Wij kennen de visie niet.\nNooit gezien.".to_string();
        answer.agreement = Some(Agreement::NoConsensus);
        answer.consensus_note = "Geen overeenstemming over de status van het besluit.".to_string();
        answer.actions = vec![
            AgendaAction {
                what: "Navragen bij de griffie".to_string(),
                owner: "Jan de Vries".to_string(),
                status: ActionStatus::Done,
                ..AgendaAction::default()
            },
            AgendaAction {
                what: "Besluit opnieuw agenderen".to_string(),
                status: ActionStatus::Dropped,
                ..AgendaAction::default()
            },
        ];
        answer.changed_at = Some(changed_at());
    }
    agree(&mut scan, "VIS-2", 3, 3, 3);
    {
        let answer = answer_mut(&mut scan, "VIS-2");
        answer.perspectives[0].note =
            "<script>alert(\"x\")</script> & 'quotes' ; \"ja\"".to_string();
        answer.perspectives[1].note =
            "=SOM(A1:A3)\nregel twee\n\nregel vier \u{1b}[31mrood".to_string();
        answer.consensus_note = "# geen kop\n- geen lijst *geen nadruk* | geen cel".to_string();
    }
    answer_mut(&mut scan, "VIS-3").skipped = true;
    {
        let answer = answer_mut(&mut scan, "SAM-1");
        answer.perspectives[0].score = Some(Answer::Score(3));
        answer.perspectives[0].note = "Alleen de gemeenten hebben al gescoord.".to_string();
    }
    {
        let answer = answer_mut(&mut scan, "SAM-2");
        answer.consensus = Some(Answer::Unknown);
        answer.agreement = Some(Agreement::Consensus);
    }
    scan
}

/// Complete, computed "robuust met aandachtspunten" (total 2,95), moved one
/// level up by the facilitator.
pub fn override_applied() -> Scan {
    let mut scan = scan(
        "Regio Polderzicht",
        vec![
            participant("Lotte Smit", "Gemeente Polderzicht", "gemeenten"),
            participant("Daan Mulder", "Jeugdhulp Polder", "aanbieders"),
        ],
    );
    answer_all(&mut scan, 3);
    agree(&mut scan, "SAM-2", 2, 2, 2);
    scan.verdict_override = Some(VerdictOverride {
        verdict: Verdict::Robust,
        rationale: "Het partnerschap is na de sessie bekrachtigd in een convenant; \
                    de groep acht de regio robuust."
            .to_string(),
        extra: zelfscan::model::Extra::default(),
    });
    scan
}

/// Complete, computed "vervolgtraject", with an override two levels up that
/// therefore does not count.
pub fn override_too_far() -> Scan {
    let mut scan = scan(
        "Regio Kanaalzone",
        vec![participant(
            "Sanne Visser",
            "Gemeente Kanaalzone",
            "gemeenten",
        )],
    );
    answer_all(&mut scan, 2);
    agree(&mut scan, "STR-1", 1, 2, 1);
    scan.verdict_override = Some(VerdictOverride {
        verdict: Verdict::Robust,
        rationale: "Vastgesteld vóór de laatste wijzigingen in de antwoorden.".to_string(),
        extra: zelfscan::model::Extra::default(),
    });
    scan
}
