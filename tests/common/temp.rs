//! A temporary directory removed on drop (shared by the CLI tests).

use std::path::PathBuf;

pub struct TempDir(pub PathBuf);

impl TempDir {
    /// `$TMP/declutter-<prefix>-<pid>-<tag>`, created empty.
    pub fn new(prefix: &str, tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("declutter-{prefix}-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
