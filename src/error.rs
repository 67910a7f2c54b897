//! The one error type of the crate.

use std::fmt;

/// Everything that can go wrong while cleaning a page.
///
/// Bad HTML is *not* an error: malformed markup gets a best-effort article.
/// These variants are for input the cleaner refuses or cannot finish.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The parser needed more memory than [`Options::max_memory`](crate::Options::max_memory)
    /// allows (for example a 200 MB attribute value, or a start tag that
    /// never ends). The limit bounds lol_html's own buffers.
    MemoryLimitExceeded {
        /// The limit in bytes that was hit.
        limit: usize,
    },
    /// The input is larger than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    InputTooLarge {
        /// Bytes received so far.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The input does not look like HTML or text at all (for example a
    /// PNG or random bytes): too many control characters to be a page.
    NotHtml,
    /// An option has a value that cannot work (the message says which).
    InvalidOption(String),
    /// An encoding label that no browser knows (for the bytes API).
    UnknownEncoding(String),
    /// [`Cleaner::write`](crate::Cleaner::write) or `finish` was called after
    /// the cleaner had already failed or finished.
    CleanerFinished,
    /// lol_html reported an error the cleaner could not recover from.
    Parser(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::MemoryLimitExceeded { limit } => {
                write!(f, "the HTML parser exceeded its memory limit of {limit} bytes")
            }
            Error::InputTooLarge { size, limit } => {
                write!(f, "input of {size} bytes exceeds the limit of {limit} bytes")
            }
            Error::NotHtml => f.write_str("the input does not look like HTML or text"),
            Error::InvalidOption(m) => write!(f, "invalid option: {m}"),
            Error::UnknownEncoding(l) => write!(f, "unknown character encoding label {l:?}"),
            Error::CleanerFinished => f.write_str("the cleaner has already finished or failed"),
            Error::Parser(m) => write!(f, "HTML parser error: {m}"),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
