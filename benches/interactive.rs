//! How fast the things a facilitator waits for are: drawing a frame, one
//! keystroke in a huge note, loading and saving a full scan, the verdict.
//! Figures, not pass/fail; see BENCHMARKS.md for the numbers and targets.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use zelfscan::i18n::Lang;
use zelfscan::model::{Agreement, Answer, Scan, ScanMeta, evaluate};
use zelfscan::paths::Paths;
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenedScan};
use zelfscan::tui::app::{App, FrameworkChoice};
use zelfscan::tui::text_edit::EditOp;
use zelfscan::tui::update::update;
use zelfscan::tui::view;

/// A scan with every criterion answered and a note on each.
fn full_scan() -> Scan {
    let framework = storage::bundled_frameworks().remove(0);
    let meta = ScanMeta {
        region: "Regio Benchmark".into(),
        date: "2026-11-25".parse().expect("date"),
        facilitator: "Anna".into(),
        note_taker: "Bram".into(),
        participants: Vec::new(),
    };
    let mut scan = Scan::new(meta, framework);
    for (index, answer) in scan.answers.iter_mut().enumerate() {
        let score = (index % 4 + 1) as u8;
        answer.perspectives[0].score = Some(Answer::Score(score));
        answer.perspectives[0].note = "Gemeenten zien vooruitgang; één twijfel.\n".repeat(5);
        answer.perspectives[1].score = Some(Answer::Score(score.max(2) - 1));
        answer.perspectives[1].note = "Aanbieders missen overleg over tarieven.\n".repeat(5);
        answer.consensus = Some(Answer::Score(score));
        answer.agreement = Some(Agreement::Consensus);
        answer.consensus_note = "Afgesproken: evaluatie in het voorjaar.".into();
    }
    scan
}

/// About 1 MB of ordinary paragraphs.
fn megabyte_note() -> String {
    let paragraph = "De regio heeft de afgelopen jaren veel geïnvesteerd in de samenwerking \
        met aanbieders, maar de financiële afspraken staan onder druk. ";
    let mut note = String::new();
    while note.len() < 1_000_000 {
        note.push_str(&paragraph.repeat(6));
        note.push('\n');
    }
    note
}

fn app_with(scan: Scan) -> App {
    let frameworks = storage::bundled_frameworks()
        .into_iter()
        .map(FrameworkChoice::bundled)
        .collect();
    let mut app = App::new(
        Lang::Nl.catalogue(),
        Paths::under(&PathBuf::from("/zelfscan-bench")),
        frameworks,
        "2026-11-25T10:00:00Z".parse().expect("timestamp"),
    );
    update(
        &mut app,
        Action::Created(Ok(OpenedScan {
            scan: Box::new(scan),
            path: PathBuf::from("/zelfscan-bench/scan.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    update(&mut app, Action::Resize(120, 40));
    app
}

fn frames(c: &mut Criterion) {
    let mut app = app_with(full_scan());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    c.bench_function("draw walkthrough 120x40", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| view::draw(frame, black_box(&app)))
                .map(|_| ())
        })
    });
    update(&mut app, Action::ToggleSummary);
    c.bench_function("draw summary 120x40", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| view::draw(frame, black_box(&app)))
                .map(|_| ())
        })
    });
}

fn huge_note(c: &mut Criterion) {
    let mut scan = full_scan();
    scan.answers[0].perspectives[0].note = megabyte_note();
    let mut app = app_with(scan);
    // Focus the note, start typing at its end.
    update(&mut app, Action::NextField);
    update(&mut app, Action::Confirm);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    c.bench_function("keystroke + redraw in a 1 MB note", |b| {
        b.iter(|| {
            update(&mut app, Action::Edit(EditOp::Insert('é')));
            update(&mut app, Action::Edit(EditOp::Backspace));
            terminal.draw(|frame| view::draw(frame, &app)).map(|_| ())
        })
    });
    c.bench_function("cursor up in a 1 MB note", |b| {
        b.iter(|| {
            update(&mut app, Action::Edit(EditOp::Up));
            update(&mut app, Action::Edit(EditOp::Down));
        })
    });
}

fn files(c: &mut Criterion) {
    let scan = full_scan();
    let text = storage::scan_to_toml(&scan);
    c.bench_function("write a full scan as TOML", |b| {
        b.iter(|| storage::scan_to_toml(black_box(&scan)))
    });
    c.bench_function("parse a full scan", |b| {
        b.iter(|| storage::parse_scan(black_box(&text)).map(|loaded| loaded.value.answers.len()))
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scan.toml");
    c.bench_function("atomic save of a full scan (with fsync)", |b| {
        b.iter(|| storage::save_scan(&path, black_box(&scan)))
    });
    c.bench_function("evaluate (verdict, reasons, attention)", |b| {
        b.iter(|| evaluate(black_box(&scan)).total)
    });
}

fn journal(c: &mut Criterion) {
    use zelfscan::model::edit::{Edit, Slot, TextSlot};
    use zelfscan::storage::journal::JournalWriter;
    let dir = tempfile::tempdir().expect("temp dir");
    let scan = dir.path().join("scan.toml");
    let mut writer = JournalWriter::start(&scan, 1).expect("journal");
    let edit = Edit::Splice {
        criterion: "VIS-1".into(),
        text: TextSlot::Note(Slot::Perspective("gemeenten".into())),
        offset: 1234,
        removed: 0,
        inserted: "é".into(),
        at: "2026-11-25T10:00:00Z".parse().expect("timestamp"),
    };
    c.bench_function("journal one keystroke (write, no fsync)", |b| {
        b.iter(|| writer.append(std::slice::from_ref(black_box(&edit))))
    });
    c.bench_function("journal fdatasync", |b| {
        b.iter(|| {
            writer.append(std::slice::from_ref(&edit))?;
            writer.sync()
        })
    });
}

criterion_group!(benches, frames, huge_note, files, journal);
criterion_main!(benches);
