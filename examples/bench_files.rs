//! Writes the scan files the benchmark scripts use into a folder:
//! `scan-<n>.toml` for each size in `SIZES`, `note-1mb.toml` (the bundled
//! framework with a 1 MB note on the first criterion) and `many/` with 1,000
//! copies of the bundled-size scan, each with its own region.
//!
//! `cargo run --release --example bench_files -- FOLDER`

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or_else(|| anyhow::anyhow!("usage: bench_files FOLDER"))?,
    );
    std::fs::create_dir_all(folder.join("many"))?;
    for size in support::SIZES {
        zelfscan::storage::save_scan(
            &folder.join(format!("scan-{size}.toml")),
            &support::scan_of(size),
        )?;
    }
    let mut scan = support::scan_of(22);
    scan.answers[0].perspectives[0].note = support::megabyte_note();
    zelfscan::storage::save_scan(&folder.join("note-1mb.toml"), &scan)?;
    let mut scan = support::scan_of(22);
    for index in 0..1_000 {
        scan.meta.region = format!("Regio {index:04}");
        zelfscan::storage::save_scan(&folder.join(format!("many/scan-{index:04}.toml")), &scan)?;
    }
    Ok(())
}
