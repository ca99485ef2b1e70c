//! The example scans in `scans/examples/`: fictitious regions that show what a
//! finished, an unfinished and an overridden scan look like. Every file must
//! load without warnings, be in the canonical layout the app writes, and reach
//! the verdict its file name promises.

use std::fs;
use std::path::{Path, PathBuf};

use zelfscan::model::{
    AttentionPoint, AttentionReason, Evaluation, OverrideOutcome, Scan, Verdict, evaluate,
};
use zelfscan::storage::{load_scan, scan_to_toml};

/// What each example promises: its file name, the computed verdict, the
/// verdict that stands after a facilitator override, and whether every
/// criterion is answered.
struct Expected {
    file: &'static str,
    computed: Verdict,
    final_verdict: Verdict,
    complete: bool,
}

const EXPECTED: [Expected; 5] = [
    Expected {
        file: "robuust.toml",
        computed: Verdict::Robust,
        final_verdict: Verdict::Robust,
        complete: true,
    },
    Expected {
        file: "robuust-met-aandachtspunten.toml",
        computed: Verdict::RobustWithAttention,
        final_verdict: Verdict::RobustWithAttention,
        complete: true,
    },
    Expected {
        file: "vervolgtraject.toml",
        computed: Verdict::FollowUp,
        final_verdict: Verdict::FollowUp,
        complete: true,
    },
    Expected {
        file: "bijgesteld-naar-aandachtspunten.toml",
        computed: Verdict::FollowUp,
        final_verdict: Verdict::RobustWithAttention,
        complete: true,
    },
    Expected {
        // Unfinished: the computed verdict is provisional.
        file: "onvoltooid.toml",
        computed: Verdict::RobustWithAttention,
        final_verdict: Verdict::RobustWithAttention,
        complete: false,
    },
];

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples")
}

fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(examples_dir())
        .expect("scans/examples exists")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}

fn load(file: &str) -> Scan {
    let path = examples_dir().join(file);
    let loaded = load_scan(&path).unwrap_or_else(|error| panic!("{file}: {error}"));
    assert!(
        loaded.warnings.is_empty(),
        "{file}: warnings {:#?}",
        loaded.warnings
    );
    loaded.value
}

fn evaluation(file: &str) -> Evaluation {
    evaluate(&load(file))
}

fn criterion_reasons(evaluation: &Evaluation) -> Vec<&AttentionReason> {
    evaluation
        .attention
        .iter()
        .filter_map(|point| match point {
            AttentionPoint::Criterion { reasons, .. } => Some(reasons),
            AttentionPoint::ThemeUnknownShare { .. } => None,
        })
        .flatten()
        .collect()
}

#[test]
fn every_example_loads_without_warnings_and_is_canonical() {
    let files = example_files();
    assert!(files.len() >= 4, "too few examples: {files:?}");
    for path in files {
        let name = path.file_name().expect("file name").to_string_lossy();
        let scan = load(&name);
        let text = fs::read_to_string(&path).expect("readable");
        assert!(
            scan_to_toml(&scan) == text,
            "{name} is not in the canonical layout; load and save it once"
        );
    }
}

#[test]
fn every_example_has_an_expectation_and_the_other_way_round() {
    let on_disk: Vec<String> = example_files()
        .iter()
        .map(|path| {
            path.file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut expected: Vec<String> = EXPECTED.iter().map(|e| e.file.to_string()).collect();
    expected.sort();
    assert_eq!(on_disk, expected);
}

#[test]
fn every_example_reaches_the_verdict_its_name_promises() {
    for expected in &EXPECTED {
        let evaluation = evaluation(expected.file);
        assert_eq!(
            evaluation.computed_verdict, expected.computed,
            "{}: computed verdict; reasons {:#?}",
            expected.file, evaluation.reasons
        );
        assert_eq!(
            evaluation.verdict(),
            expected.final_verdict,
            "{}: final verdict",
            expected.file
        );
        assert_eq!(
            evaluation.is_complete(),
            expected.complete,
            "{}: unanswered {:?}",
            expected.file,
            evaluation.unanswered
        );
    }
}

#[test]
fn the_unfinished_example_is_partly_answered_with_skips() {
    let scan = load("onvoltooid.toml");
    let evaluation = evaluate(&scan);
    assert!(!evaluation.is_complete());
    assert!(!evaluation.nothing_scored());
    assert!(evaluation.progress.answered > 0);
    assert!(evaluation.progress.answered < evaluation.progress.total / 2);
    assert!(scan.answers.iter().any(|answer| answer.skipped));
}

#[test]
fn the_attention_example_has_no_consensus_and_a_perspective_gap() {
    let evaluation = evaluation("robuust-met-aandachtspunten.toml");
    let reasons = criterion_reasons(&evaluation);
    assert!(
        reasons
            .iter()
            .any(|reason| matches!(reason, AttentionReason::NoConsensus)),
        "{:#?}",
        evaluation.attention
    );
    assert!(
        reasons.iter().any(
            |reason| matches!(reason, AttentionReason::PerspectiveGap { gap, .. } if *gap >= 2)
        ),
        "{:#?}",
        evaluation.attention
    );
}

#[test]
fn the_override_example_moves_one_level_with_a_rationale() {
    let scan = load("bijgesteld-naar-aandachtspunten.toml");
    let over = scan.verdict_override.as_ref().expect("an override");
    assert!(over.rationale.lines().count() > 1, "multi-line rationale");
    let evaluation = evaluate(&scan);
    assert!(matches!(
        evaluation.override_outcome,
        Some(OverrideOutcome::Applied {
            to: Verdict::RobustWithAttention,
            ..
        })
    ));
}

#[test]
fn examples_are_fictitious_and_finished_ones_are_fully_recorded() {
    for expected in &EXPECTED {
        let scan = load(expected.file);
        let file = expected.file;
        assert!(
            scan.meta.region.contains("(fictief)"),
            "{file}: region {:?}",
            scan.meta.region
        );
        let participants = &scan.meta.participants;
        assert!(
            (3..=6).contains(&participants.len()),
            "{file}: participants"
        );
        for perspective in &scan.framework.perspectives {
            assert!(
                participants.iter().any(|p| p.perspective == perspective.id),
                "{file}: nobody for {}",
                perspective.id
            );
        }
        if !expected.complete {
            continue;
        }
        for (entry, answer) in scan.framework.criteria().zip(&scan.answers) {
            let id = &entry.criterion.id;
            assert!(answer.consensus.is_some(), "{file} {id}: consensus");
            assert!(answer.agreement.is_some(), "{file} {id}: agreement");
            assert!(!answer.consensus_note.is_empty(), "{file} {id}: note");
            assert!(answer.changed_at.is_some(), "{file} {id}: changed_at");
            for view in &answer.perspectives {
                assert!(view.score.is_some(), "{file} {id}: perspective score");
            }
        }
    }
}
