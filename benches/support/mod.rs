//! What the benchmarks share: scans of any size, built from the bundled
//! framework, and a 1 MB note.
#![allow(dead_code)]

use zelfscan::model::{Agreement, Answer, Framework, Scan, ScanMeta};
use zelfscan::storage;

/// The sizes the scaling figures are measured at: the bundled framework and
/// frameworks ten, a hundred and a thousand times as large.
pub const SIZES: [usize; 4] = [22, 200, 2_000, 20_000];

/// The bundled framework grown to `criteria` criteria: its own criteria
/// repeated over its themes, with fresh ids (`VIS-1-7`), in the same order.
pub fn framework_of(criteria: usize) -> Framework {
    let mut framework = storage::bundled_frameworks().remove(0);
    let originals: Vec<Vec<_>> = framework
        .themes
        .iter()
        .map(|theme| theme.criteria.clone())
        .collect();
    let total: usize = originals.iter().map(Vec::len).sum();
    for theme in &mut framework.themes {
        theme.criteria.clear();
        theme.minutes = None;
    }
    let mut made = 0;
    let mut round = 0;
    while made < criteria {
        for (theme, own) in framework.themes.iter_mut().zip(&originals) {
            for original in own {
                if made == criteria {
                    break;
                }
                let mut criterion = original.clone();
                if round > 0 {
                    criterion.id = format!("{}-{round}", original.id);
                    criterion.critical = false;
                }
                theme.criteria.push(criterion);
                made += 1;
            }
        }
        round += 1;
    }
    debug_assert!(total > 0);
    framework
}

/// A scan of `criteria` criteria with every one answered and a short note
/// per perspective: the most a facilitator's file holds.
pub fn scan_of(criteria: usize) -> Scan {
    let meta = ScanMeta {
        region: "Regio Benchmark".into(),
        date: "2026-11-25".parse().expect("date"),
        facilitator: "Anna".into(),
        note_taker: "Bram".into(),
        participants: Vec::new(),
    };
    let mut scan = Scan::new(meta, framework_of(criteria));
    let at: jiff::Timestamp = "2026-11-25T10:00:00Z".parse().expect("timestamp");
    for (index, answer) in scan.answers.iter_mut().enumerate() {
        let score = (index % 4 + 1) as u8;
        answer.perspectives[0].score = Some(Answer::Score(score));
        answer.perspectives[0].note = "Gemeenten zien vooruitgang; één twijfel.\n".repeat(2);
        answer.perspectives[1].score = Some(Answer::Score(score.max(2) - 1));
        answer.perspectives[1].note = "Aanbieders missen overleg over tarieven.".into();
        answer.consensus = Some(Answer::Score(score));
        answer.agreement = Some(Agreement::Consensus);
        answer.consensus_note = "Afgesproken: evaluatie in het voorjaar.".into();
        answer.changed_at = Some(at);
    }
    scan
}

/// About 1 MB of ordinary paragraphs.
pub fn megabyte_note() -> String {
    let paragraph = "De regio heeft de afgelopen jaren veel geïnvesteerd in de samenwerking \
        met aanbieders, maar de financiële afspraken staan onder druk. ";
    let mut note = String::new();
    while note.len() < 1_000_000 {
        note.push_str(&paragraph.repeat(6));
        note.push('\n');
    }
    note
}
