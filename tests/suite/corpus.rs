//! A generator of Vietnamese-like pages for size and speed measurements: real
//! words of child-protection campaigns (Zipf-distributed, as words in text are),
//! a long tail of made-up but well-formed syllables, names, numbers, headings
//! and campaigns. Deterministic: the same `n` and `seed` give the same pages.
#![allow(dead_code)]

use loa::render::search::index::Doc;
use unicode_normalization::UnicodeNormalization;

/// Words and phrases of the campaigns' own vocabulary, most frequent first.
const WORDS: &str = "và|của|là|có|trẻ em|các|cho|không|được|người|trong|những|với|khi|để|một|bảo vệ|bạo lực|gia đình|cha mẹ|em|con|này|đã|cũng|về|như|nhà trường|xâm hại|phòng|chống|tổng đài|111|gọi|hỗ trợ|tư vấn|trường học|học sinh|giáo viên|cộng đồng|an toàn|trên mạng|dấu hiệu|nguy cơ|kỹ năng|tự bảo vệ|báo tin|công an|phường|xã|Hà Nội|thành phố|kế hoạch|thực hiện|quyết định|chỉ thị|tháng hành động|vì trẻ em|bình đẳng giới|mua bán người|tết trung thu|đường dây nóng|dịch vụ|công tác xã hội|chăm sóc|sức khỏe|tinh thần|thể chất|tình dục|bóc lột|sao nhãng|bỏ mặc|đánh đập|quát mắng|lăng mạ|đe dọa|dụ dỗ|ép buộc|lừa đảo|bắt nạt|tai nạn|thương tích|đuối nước|ngã|bỏng|điện giật|ngộ độc|giao thông|mũ bảo hiểm|bơi|sông|hồ|ao|giếng|ban công|cửa sổ|bếp|ổ điện|thuốc|hóa chất|đồ chơi|đèn lồng|rước đèn|phá cỗ|múa lân|bánh nướng|bánh dẻo|trăng|thiếu nhi|diễn đàn|ý kiến|tiếng nói|tham gia|quyền|bổn phận|luật|trẻ em gái|trẻ em trai|phụ nữ|nam giới|định kiến|bất bình đẳng|tảo hôn|cưỡng ép|kết hôn|lao động|việc làm|xuất khẩu|biên giới|cảnh giác|thủ đoạn|nạn nhân|hồi hương|tái hòa nhập|pháp luật|xử lý|vi phạm|điều tra|tòa án|bí mật|riêng tư|hình ảnh|thông tin|mạng xã hội|điện thoại|tin nhắn|mật khẩu|tài khoản|chặn|báo cáo|bằng chứng|lắng nghe|tin tưởng|bình tĩnh|an ủi|động viên|khen ngợi|yêu thương|tôn trọng|chia sẻ|trò chuyện|hỏi han|quan tâm|theo dõi|giám sát|phối hợp|trách nhiệm|cơ quan|ủy ban|nhân dân|sở|lao động thương binh và xã hội|giáo dục và đào tạo|y tế|văn hóa|thể thao|du lịch|tư pháp|đoàn thanh niên|hội phụ nữ|mặt trận tổ quốc|cộng tác viên|nhân viên|chuyên gia|bác sĩ|y tá|luật sư|nhà tâm lý|mầm non|tiểu học|trung học cơ sở|trung học phổ thông|lớp|bài học|hoạt động|truyền thông|tuyên truyền|tờ rơi|áp phích|loa phát thanh|hội thi|tọa đàm|tập huấn|năm|tháng|ngày|tuần|giờ|sáng|chiều|tối|đêm|mọi|nhiều|ít|lớn|nhỏ|mới|cũ|tốt|xấu|đúng|sai|nhanh|chậm|ngay|luôn|thường|đôi khi|không bao giờ|hãy|nên|cần|phải|đừng|có thể|muốn|biết|hiểu|nói|kể|hỏi|trả lời|giúp|đưa|đến|đi|về nhà|ở|sống|học|chơi|làm|ăn|ngủ|khóc|sợ|buồn|vui|giận|lo lắng|xấu hổ|tổn thương|vết bầm|vết thương|đau|chảy máu|bệnh|khám|chữa|thuốc men|bệnh viện|trạm y tế|cấp cứu|115|113|114|024.3525.662|hàng xóm|họ hàng|người lạ|người quen|bạn bè|anh chị|ông bà|bố|mẹ|cô|chú|thầy|bạn|mình|họ|chúng ta|chúng em";

const PLACES: &str = "Ba Đình|Hoàn Kiếm|Tây Hồ|Long Biên|Cầu Giấy|Đống Đa|Hai Bà Trưng|Hoàng Mai|Thanh Xuân|Sóc Sơn|Đông Anh|Gia Lâm|Nam Từ Liêm|Bắc Từ Liêm|Thanh Trì|Hà Đông|Sơn Tây|Ba Vì|Phúc Thọ|Đan Phượng|Hoài Đức|Quốc Oai|Thạch Thất|Chương Mỹ|Thanh Oai|Thường Tín|Phú Xuyên|Ứng Hòa|Mỹ Đức|Mê Linh";

const CAMPAIGNS: [&str; 5] = [
    "Tháng hành động vì trẻ em",
    "Tháng hành động quốc gia về phòng, chống bạo lực gia đình",
    "Ngày toàn dân phòng, chống mua bán người",
    "Tết Trung thu",
    "Tháng hành động vì bình đẳng giới, phòng chống bạo lực trên cơ sở giới",
];

const ONSETS: [&str; 27] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v",
];
const RHYMES: [&str; 60] = [
    "a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ac", "ach", "at", "ăm", "ăn", "ăng", "ăc", "âm", "ân", "âng", "âu", "ây", "e", "em", "en",
    "eo", "ê", "êm", "ên", "ênh", "êu", "i", "ia", "im", "in", "inh", "iu", "iêu", "iêng", "o", "oa", "oai", "oan", "oang", "oi", "om", "on", "ong", "ô",
    "ôi", "ông", "ơ", "ơi", "ơn", "u", "ui", "ung", "uy", "ư", "ưa", "ương",
];
/// The five tones as combining marks, and none.
const TONES: [&str; 6] = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];

/// A small deterministic random generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A made-up syllable: onset + rhyme with a tone on its main vowel, in NFC.
fn syllable(rng: &mut Rng) -> String {
    let onset = ONSETS[rng.below(ONSETS.len())];
    let rhyme = RHYMES[rng.below(RHYMES.len())];
    let tone = TONES[rng.below(TONES.len())];
    // The tone goes on the vowel with a mark if there is one, else on the first vowel.
    let chars: Vec<char> = rhyme.chars().collect();
    let at = chars
        .iter()
        .position(|c| "ăâêôơư".contains(*c))
        .or_else(|| chars.iter().position(|c| "aeiouy".contains(*c)))
        .unwrap_or(0);
    let mut s = String::from(onset);
    for (i, c) in chars.iter().enumerate() {
        s.push(*c);
        if i == at {
            s.push_str(tone);
        }
    }
    s.nfc().collect()
}

/// The vocabulary, most frequent first, and Zipf's cumulative weights.
pub struct Vocabulary {
    units: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    pub fn new(rng: &mut Rng) -> Self {
        let mut units: Vec<String> = WORDS.split('|').map(str::to_owned).collect();
        units.extend(PLACES.split('|').map(str::to_owned));
        // A long tail of rarer syllables and two-syllable words.
        for i in 0..6000 {
            let w = if i % 3 == 0 { format!("{} {}", syllable(rng), syllable(rng)) } else { syllable(rng) };
            units.push(w);
        }
        let mut total = 0.0;
        let cumulative = (1..=units.len())
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(1.05);
                total
            })
            .collect();
        Vocabulary { units, cumulative }
    }

    pub fn pick(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c < x).min(self.units.len() - 1);
        &self.units[i]
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn sentence(v: &Vocabulary, rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push_str(if rng.below(9) == 0 { ", " } else { " " });
        }
        s.push_str(v.pick(rng));
    }
    let mut s = capitalise(&s);
    s.push(if rng.below(12) == 0 { '?' } else { '.' });
    s
}

/// `n` pages in Vietnamese (and a few in English, which `build(…, "vi")` skips).
pub fn pages(n: usize, seed: u64) -> Vec<Doc> {
    let mut rng = Rng::new(seed);
    let v = Vocabulary::new(&mut rng);
    (0..n)
        .map(|i| {
            let campaign = rng.below(6);
            let title = capitalise(&(0..3 + rng.below(6)).map(|_| v.pick(&mut rng).to_owned()).collect::<Vec<_>>().join(" "));
            let sections = 2 + rng.below(4);
            let mut headings = Vec::new();
            let words = 10 + rng.below(20);
            let mut text = sentence(&v, &mut rng, words);
            for _ in 0..sections {
                let h = capitalise(&(0..2 + rng.below(5)).map(|_| v.pick(&mut rng).to_owned()).collect::<Vec<_>>().join(" "));
                text.push_str("\n\n");
                text.push_str(&h);
                headings.push(h);
                for _ in 0..1 + rng.below(4) {
                    text.push_str("\n\n");
                    for k in 0..1 + rng.below(3) {
                        if k > 0 {
                            text.push(' ');
                        }
                        let words = 6 + rng.below(22);
                        text.push_str(&sentence(&v, &mut rng, words));
                    }
                }
            }
            if rng.below(4) == 0 {
                text.push_str(" Gọi Tổng đài 111 hoặc 024.3525.662.");
            }
            let audience = match rng.below(5) {
                0 => vec!["cha-me".to_owned()],
                1 => vec!["tre-em".to_owned()],
                2 => vec!["giao-vien".to_owned(), "cha-me".to_owned()],
                _ => Vec::new(),
            };
            Doc {
                url: if campaign == 5 { format!("/trang/trang-{i}/") } else { format!("/chien-dich-{campaign}/trang-{i}/") },
                title,
                campaign: CAMPAIGNS.get(campaign).map(|c| (*c).to_owned()),
                lang: if i % 50 == 49 { "en".to_owned() } else { "vi".to_owned() },
                headings,
                text,
                audience,
                also: String::new(),
                also_title: String::new(),
            }
        })
        .collect()
}
