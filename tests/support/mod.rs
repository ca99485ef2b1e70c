//! Helpers shared by the integration tests. Each test file is its own crate
//! and uses only part of this, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod pty;
