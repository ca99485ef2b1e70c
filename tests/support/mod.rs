//! Helpers shared by the integration tests. Each test file is its own crate
//! and uses only part of this, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod afresh;
pub mod pty;
pub mod strokes;
pub mod whole_characters;

/// The app in Dutch with its files under `home`, the bundled frameworks to
/// choose from, on 25 November 2026.
pub fn app_under(home: &std::path::Path) -> zelfscan::tui::app::App {
    let frameworks = zelfscan::storage::bundled_frameworks()
        .into_iter()
        .map(zelfscan::tui::app::FrameworkChoice::bundled)
        .collect();
    zelfscan::tui::app::App::new(
        zelfscan::i18n::Lang::Nl.catalogue(),
        zelfscan::paths::Paths::under(home),
        frameworks,
        "2026-11-25T10:00:00Z".parse().expect("timestamp"),
    )
}

/// Opens the scan at `path` as the app does (reading it, then the effect
/// that opens it, with `io`), and hands the result to the app: it must open.
pub fn open_scan(
    app: &mut zelfscan::tui::app::App,
    io: &mut zelfscan::tui::effect::Io,
    path: &std::path::Path,
) {
    use zelfscan::tui::effect::{self, Effect};
    let file = zelfscan::storage::recovery::read_scan_file(path).expect("reads");
    let effect = Effect::OpenScanFile {
        path: path.to_path_buf(),
        file: Box::new(file),
    };
    let action = effect::run(effect, app, io).expect("reports back");
    assert!(
        matches!(action, zelfscan::tui::action::Action::Opened(Ok(_))),
        "{action:?}"
    );
    zelfscan::tui::update::update(app, action);
}
