//! Many-needle substring search for short strings (class/id values, text
//! chunks), ASCII case-insensitive.
//!
//! Checking ~150 rule words one `str::contains` at a time cost a third of
//! pass 1 (each call builds a searcher). Here the needles are bucketed by
//! their first byte once; a haystack is scanned once, and each position is
//! first tested against a hashed table of the needles' first three bytes
//! (one bit test rejects almost every position), then compared only with
//! the needles whose first three bytes hash to the same bucket (a bucket
//! per first byte held 20+ needles for `s` or `c`: comparing them all was
//! 40 % of the matcher's time).

/// A set of needle lists; a match reports which list and which needle.
pub(crate) struct Matcher {
    needles: Vec<(&'static str, u8)>,
    /// Needles of 3+ bytes by `tri_hash(..) % BUCKETS`: those of bucket
    /// `b` are `bucket_items[bucket_start[b]..bucket_start[b + 1]]`, in
    /// list order.
    bucket_start: Vec<u32>,
    bucket_items: Vec<u16>,
    /// First byte → indices of 1- and 2-byte needles (few: `ok`, `ad`).
    short: Vec<Vec<u16>>,
    has_short: bool,
    /// Bit `tri_hash(b0, b1, b2)` set when a needle starts with those bytes.
    tri: Vec<u64>,
}

const TRI_BITS: usize = 1 << 16;
const BUCKETS: usize = 1 << 12;

/// Hash of three bytes, each folded with `| 0x20` (ASCII lowercase for
/// letters; a few punctuation bytes fold together too, which only costs a
/// rare extra comparison). Needles and haystack fold alike, so a match is
/// never missed, and the fold is one OR on a 3-byte word.
#[inline]
fn tri_hash(a: u8, b: u8, c: u8) -> usize {
    tri_hash_word((a as u32) | (b as u32) << 8 | (c as u32) << 16)
}

#[inline]
fn tri_hash_word(x: u32) -> usize {
    let x = x | 0x0020_2020;
    (x.wrapping_mul(0x9E37_79B1) >> 16) as usize & (TRI_BITS - 1)
}

impl Matcher {
    pub fn new(lists: &[(u8, &'static [&'static str])]) -> Self {
        let mut needles = Vec::new();
        let mut buckets: Vec<Vec<u16>> = vec![Vec::new(); BUCKETS];
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
                    let h = tri_hash(nb[0], nb[1], nb[2]);
                    buckets[h % BUCKETS].push(idx);
                    tri[h >> 6] |= 1 << (h & 63);
                }
            }
        }
        let mut bucket_start = Vec::with_capacity(BUCKETS + 1);
        let mut bucket_items = Vec::new();
        for b in &buckets {
            bucket_start.push(bucket_items.len() as u32);
            bucket_items.extend_from_slice(b);
        }
        bucket_start.push(bucket_items.len() as u32);
        Matcher { needles, bucket_start, bucket_items, short, has_short, tri }
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
            if self.has_short {
                let a = hay[i].to_ascii_lowercase();
                if !self.short[a as usize].is_empty() && !self.check(hay, i, &self.short[a as usize], &mut f) {
                    return;
                }
            }
            if i + 2 < n {
                let h = tri_hash_word((hay[i] as u32) | (hay[i + 1] as u32) << 8 | (hay[i + 2] as u32) << 16);
                if self.tri[h >> 6] & (1 << (h & 63)) != 0 {
                    let b = h % BUCKETS;
                    let list = &self.bucket_items[self.bucket_start[b] as usize..self.bucket_start[b + 1] as usize];
                    if !self.check(hay, i, list, &mut f) {
                        return;
                    }
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
