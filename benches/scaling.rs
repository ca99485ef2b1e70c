//! Cost against the size of the scan: frameworks of 22, 200, 2,000 and
//! 20,000 criteria (the bundled one, and 10x, 100x, 1000x as large). Every
//! operation should grow linearly: ten times the criteria, about ten times
//! the time. See BENCHMARKS.md for the figures.

mod support;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use support::{SIZES, scan_of};
use zelfscan::i18n::Lang;
use zelfscan::model::evaluate;
use zelfscan::paths::Paths;
use zelfscan::report::{self, Format};
use zelfscan::storage::{self, recovery};
use zelfscan::tui::action::{Action, OpenedScan};
use zelfscan::tui::app::{App, FrameworkChoice};
use zelfscan::tui::update::update;
use zelfscan::tui::view;

fn configure<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(1));
    group
}

fn files(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let scans: Vec<_> = SIZES.iter().map(|&size| (size, scan_of(size))).collect();
    let mut group = configure(c, "check (parse and validate)");
    for (size, scan) in &scans {
        let text = storage::scan_to_toml(scan);
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| storage::check_source(black_box(text)).map(|(kind, _)| kind))
        });
    }
    group.finish();
    let mut group = configure(c, "open (read, parse, journal)");
    for (size, scan) in &scans {
        let path = dir.path().join(format!("open-{size}.toml"));
        storage::save_scan(&path, scan).expect("save");
        group.bench_with_input(BenchmarkId::from_parameter(size), &path, |b, path| {
            b.iter(|| recovery::open_with_journal(path, true).map(|opened| opened.file_hash))
        });
    }
    group.finish();
    let mut group = configure(c, "save (write TOML, atomic, fsync)");
    for (size, scan) in &scans {
        let path = dir.path().join(format!("save-{size}.toml"));
        group.bench_with_input(BenchmarkId::from_parameter(size), scan, |b, scan| {
            b.iter(|| storage::save_scan(&path, black_box(scan)))
        });
    }
    group.finish();
    let mut group = configure(c, "evaluate");
    for (size, scan) in &scans {
        group.bench_with_input(BenchmarkId::from_parameter(size), scan, |b, scan| {
            b.iter(|| evaluate(black_box(scan)).total)
        });
    }
    group.finish();
    for (format, name) in [
        (Format::Markdown, "report markdown"),
        (Format::Html, "report html"),
        (Format::Csv, "report csv"),
        (Format::Json, "report json"),
    ] {
        let mut group = configure(c, name);
        for (size, scan) in &scans {
            group.bench_with_input(BenchmarkId::from_parameter(size), scan, |b, scan| {
                b.iter(|| report::render(black_box(scan), format, Lang::Nl.catalogue()).len())
            });
        }
        group.finish();
    }
}

/// The app with `scan` open on the walkthrough at 120x40.
fn walking(scan: zelfscan::model::Scan) -> App {
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
        Action::Opened(Ok(OpenedScan {
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

fn keys(c: &mut Criterion) {
    let mut group = configure(c, "key to frame: next criterion");
    for size in SIZES {
        let mut app = walking(scan_of(size));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                update(&mut app, Action::NextCriterion);
                terminal.draw(|frame| view::draw(frame, &app)).map(|_| ())
            })
        });
    }
    group.finish();
    let mut group = configure(c, "key to frame: outcome screen");
    for size in SIZES {
        let mut app = walking(scan_of(size));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                update(&mut app, Action::ToggleSummary);
                terminal.draw(|frame| view::draw(frame, &app)).map(|_| ())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, files, keys);
criterion_main!(benches);
