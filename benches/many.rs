//! The many-scans work at scale: `overview` of 1,000 scan files (loading
//! them, then the overview itself), and merging homework. Figures, not
//! pass/fail; the target is 1,000 scans in at most 0.5 s on a 2-core machine.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use zelfscan::commands::Context;
use zelfscan::commands::scans::load_all;
use zelfscan::i18n::Lang;
use zelfscan::model::merge::merge;
use zelfscan::model::overview::overview;
use zelfscan::model::{Agreement, Answer, Scan, ScanMeta};
use zelfscan::storage;

/// A finished scan of region number `number`, scores varying with it.
fn scan(number: usize) -> Scan {
    let framework = storage::bundled_frameworks().remove(0);
    let meta = ScanMeta {
        region: format!("Regio {number:04} (fictief)"),
        date: "2026-11-25".parse().expect("date"),
        facilitator: "Anna".into(),
        note_taker: "Bram".into(),
        participants: Vec::new(),
    };
    let mut scan = Scan::new(meta, framework);
    for (index, answer) in scan.answers.iter_mut().enumerate() {
        let score = ((index + number) % 4 + 1) as u8;
        answer.perspectives[0].score = Some(Answer::Score(score));
        answer.perspectives[0].note = "Gemeenten zien vooruitgang.".into();
        answer.perspectives[1].score = Some(Answer::Score(score.max(2) - 1));
        answer.consensus = Some(Answer::Score(score));
        answer.agreement = Some(Agreement::Consensus);
        answer.consensus_note = "Samen vastgesteld, met een kanttekening.".into();
    }
    scan
}

fn many(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    for number in 0..1000 {
        storage::save_scan(
            &dir.path().join(format!("scan-{number:04}.toml")),
            &scan(number),
        )
        .expect("save");
    }
    let context = Context::with_lang(Lang::Nl);
    let folder = vec![dir.path().to_path_buf()];
    c.bench_function("overview: load 1000 scan files", |b| {
        b.iter(|| black_box(load_all(&context, &folder).scans.len()));
    });
    let named: Vec<(String, Scan)> = (0..1000).map(|n| (format!("{n}"), scan(n))).collect();
    c.bench_function("overview: 1000 loaded scans", |b| {
        b.iter(|| black_box(overview(&named, 5)));
    });
    c.bench_function("overview: load and overview 1000 scan files", |b| {
        b.iter(|| {
            let loaded = load_all(&context, &folder);
            let named: Vec<(String, Scan)> = loaded
                .scans
                .into_iter()
                .map(|(path, scan)| (path.display().to_string(), scan))
                .collect();
            black_box(overview(&named, 5))
        });
    });
    let homework: Vec<(String, Scan)> = (0..10).map(|n| (format!("{n}"), scan(n))).collect();
    c.bench_function("merge: 10 scans", |b| {
        b.iter(|| black_box(merge(&homework).expect("merges").conflicts));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = many
}
criterion_main!(benches);
