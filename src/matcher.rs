//! Many-needle substring search for short strings (class/id values, text
//! chunks), ASCII case-insensitive.
//!
//! Checking ~150 rule words one `str::contains` at a time cost a third of
//! pass 1 (each call builds a searcher). Here the needles are bucketed by
//! their first byte once; a haystack is scanned once, and each position is
//! first tested against a hashed table of the needles' first three bytes
//! (one bit test rejects almost every position), then compared only with
//! the needles starting with its byte.

/// A set of needle lists; a match reports which list and which needle.
pub(crate) struct Matcher {
    needles: Vec<(&'static str, u8)>,
    /// First byte (lowercase) → indices of needles of 3+ bytes.
    buckets: Vec<Vec<u16>>,
    /// First byte → indices of 1- and 2-byte needles (few: `ok`, `ad`).
    short: Vec<Vec<u16>>,
    has_short: bool,
    /// Bit `tri_hash(b0, b1, b2)` set when a needle starts with those bytes.
    tri: Vec<u64>,
}

const TRI_BITS: usize = 1 << 16;

#[inline]
fn tri_hash(a: u8, b: u8, c: u8) -> usize {
    let x = (a as u32) | (b as u32) << 8 | (c as u32) << 16;
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize & (TRI_BITS - 1)
}

impl Matcher {
    pub fn new(lists: &[(u8, &'static [&'static str])]) -> Self {
        let mut needles = Vec::new();
        let mut buckets = vec![Vec::new(); 256];
        let mut short = vec![Vec::new(); 256];
        let mut has_short = false;
        let mut tri = vec![0u64; TRI_BITS / 64];
        for (id, list) in lists {
            for n in list.iter() {
                let nb = n.as_bytes();
                if nb.is_empty() {
                    continue;
                }
                let first = nb[0].to_ascii_lowercase();
                let idx = needles.len() as u16;
                needles.push((*n, *id));
                if nb.len() < 3 {
                    short[first as usize].push(idx);
                    has_short = true;
                } else {
                    buckets[first as usize].push(idx);
                    let h = tri_hash(first, nb[1].to_ascii_lowercase(), nb[2].to_ascii_lowercase());
                    tri[h >> 6] |= 1 << (h & 63);
                }
            }
        }
        Matcher { needles, buckets, short, has_short, tri }
    }

    #[inline]
    fn check(&self, hay: &[u8], i: usize, list: &[u16], f: &mut impl FnMut(u8, &'static str, usize) -> bool) -> bool {
        for &ni in list {
            let (n, id) = self.needles[ni as usize];
            let nb = n.as_bytes();
            if hay.len() - i >= nb.len() && hay[i..i + nb.len()].eq_ignore_ascii_case(nb) && !f(id, n, i) {
                return false;
            }
        }
        true
    }

    /// Calls `f(list, needle, position)` for every match, in position
    /// order; stops early when `f` returns `false`.
    pub fn find(&self, hay: &[u8], mut f: impl FnMut(u8, &'static str, usize) -> bool) {
        let n = hay.len();
        for i in 0..n {
            let a = hay[i].to_ascii_lowercase();
            if self.has_short && !self.short[a as usize].is_empty() && !self.check(hay, i, &self.short[a as usize], &mut f) {
                return;
            }
            if i + 2 < n {
                let h = tri_hash(a, hay[i + 1].to_ascii_lowercase(), hay[i + 2].to_ascii_lowercase());
                if self.tri[h >> 6] & (1 << (h & 63)) != 0 && !self.check(hay, i, &self.buckets[a as usize], &mut f) {
                    return;
                }
            }
        }
    }

    /// Bit `1 << list` set for every list with at least one match.
    #[cfg(test)]
    pub fn lists(&self, hay: &[u8]) -> u64 {
        let mut m = 0u64;
        self.find(hay, |id, _, _| {
            m |= 1 << id;
            true
        });
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The fast matcher agrees with the naive `contains` loop.
    #[test]
    fn agrees_with_naive() {
        const A: &[&str] = &["ad", "banner", "-ad-", "x"];
        const B: &[&str] = &["content", "main", "ok"];
        let m = Matcher::new(&[(0, A), (1, B)]);
        let hays = ["top-ad-slot", "MainContent", "header", "x", "", "bAnNeR", "OK", "o", "mai", "conten", "a-ad-b mainx"];
        for hay in hays {
            let l = hay.to_ascii_lowercase();
            let naive = (A.iter().any(|n| l.contains(n)) as u64) | ((B.iter().any(|n| l.contains(n)) as u64) << 1);
            assert_eq!(m.lists(hay.as_bytes()), naive, "{hay}");
        }
        // Every position of every match is reported, in order.
        let mut hits = Vec::new();
        m.find(b"ad mainad", |_, n, p| {
            hits.push((n, p));
            true
        });
        assert_eq!(hits, vec![("ad", 0), ("main", 3), ("ad", 7)]);
    }
}
