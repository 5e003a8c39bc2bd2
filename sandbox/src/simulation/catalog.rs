//! Static reference data: published fixtures, insurers, vehicle brands and models, coverage groups
//! and a handful of cities.

use crate::store::model::{PaymentOption, ProductBranch, UserReference};

pub const AGENT_ID: &str = "00000000-0000-4000-8000-000000000001";
pub const AGENT_BRANCH_ID: &str = "6650a1b2c3d4e5f601a2b3c4";
pub const AGENT_BRANCH_NAME: &str = "Kadıköy Şube";
pub const AGENT_USER_ID: &str = "00000000-0000-4000-8000-000000000101";
pub const MFA_USER_ID: &str = "00000000-0000-4000-8000-000000000102";
pub const SERVICE_ACCOUNT_USER_ID: &str = "00000000-0000-4000-8000-000000000103";
pub const AGENT_USER_EMAIL: &str = "agent@sandbox.insurup.test";
pub const MFA_USER_EMAIL: &str = "mfa@sandbox.insurup.test";
pub const PASSWORD: &str = "sandbox-password";
pub const CLIENT_ID: &str = "sandbox-client";
pub const CLIENT_SECRET: &str = "sandbox-secret";
pub const SCOPE: &str = "core-api";
/// A public OAuth client (no secret, PKCE) for signing users in from an app.
pub const APP_CLIENT_ID: &str = "sandbox-app";
/// A confidential OAuth client (with a secret, PKCE too) for signing users in from a web CRM.
pub const WEB_CLIENT_ID: &str = "sandbox-web";
pub const WEB_CLIENT_SECRET: &str = "sandbox-web-secret";
/// The redirect URI registered for both sign-in clients besides any loopback one.
pub const WEB_REDIRECT_URI: &str = "https://crm.sandbox.insurup.test/oauth/callback";
/// Scopes a user sign-in may ask for.
pub const USER_SCOPES: &[&str] = &[
    "openid",
    "profile",
    "email",
    "roles",
    "offline_access",
    "core-api",
];
pub const SUCCESS_CARD: &str = "4242424242424242";
pub const DECLINED_CARD: &str = "4000000000000002";
pub const INSUFFICIENT_FUNDS_CARD: &str = "4000000000009995";
pub const TCKN: &str = "11111111110";
pub const PLATE: &str = "34ABC123";
pub const DOCUMENT_SERIAL_CODE: &str = "AB";
pub const DOCUMENT_SERIAL_NUMBER: &str = "123456";
pub const DOCUMENT_HOST: &str = "https://sandbox.insurup.test";

pub struct AgentUser {
    pub id: &'static str,
    pub email: &'static str,
    pub password: &'static str,
    pub two_factor: bool,
    pub first_name: &'static str,
    pub last_name: &'static str,
}

impl AgentUser {
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

pub const USERS: &[AgentUser] = &[
    AgentUser {
        id: AGENT_USER_ID,
        email: AGENT_USER_EMAIL,
        password: PASSWORD,
        two_factor: false,
        first_name: "Sandbox Acente",
        last_name: "Kullanıcısı",
    },
    AgentUser {
        id: MFA_USER_ID,
        email: MFA_USER_EMAIL,
        password: PASSWORD,
        two_factor: true,
        first_name: "Zeynep",
        last_name: "Doğrulamalı",
    },
];

pub const SERVICE_ACCOUNT: AgentUser = AgentUser {
    id: SERVICE_ACCOUNT_USER_ID,
    email: "sandbox-client@service.sandbox.insurup.test",
    password: CLIENT_SECRET,
    two_factor: false,
    first_name: "sandbox-client",
    last_name: "(servis hesabı)",
};

/// How answers and webhook payloads name a user: unknown ids keep their id and an empty name.
pub fn user_reference(id: &str) -> UserReference {
    match agent_user(id) {
        Some(user) => UserReference {
            id: user.id.to_owned(),
            name: user.name(),
            email: Some(user.email.to_owned()),
            user_type: "AGENT".to_owned(),
        },
        None => UserReference {
            id: id.to_owned(),
            name: String::new(),
            email: None,
            user_type: "AGENT".to_owned(),
        },
    }
}

/// An agent user or the service account, by id.
pub fn agent_user(id: &str) -> Option<&'static AgentUser> {
    USERS
        .iter()
        .chain(std::iter::once(&SERVICE_ACCOUNT))
        .find(|u| u.id == id)
}

/// A simulated insurance company: how fast and how reliably it quotes, and how expensive it is.
pub struct Insurer {
    pub id: u32,
    pub name: &'static str,
    pub slug: &'static str,
    /// Nominal quote latency range in milliseconds (before `latency_scale`).
    pub latency_ms: (u64, u64),
    pub failure_rate: f64,
    pub price_factor: f64,
    pub offers_nine_installments: bool,
    pub open_account: bool,
    pub branches: &'static [ProductBranch],
    /// Product ids per branch, in the order of `branches`.
    pub product_ids: &'static [u32],
}

use ProductBranch::{Dask, Imm, Kasko, Konut, Trafik, Tss};

pub const INSURERS: &[Insurer] = &[
    Insurer {
        id: 7,
        name: "Anadolu Sigorta",
        slug: "anadolu-sigorta",
        latency_ms: (600, 2400),
        failure_rate: 0.06,
        price_factor: 1.12,
        offers_nine_installments: true,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut, Imm, Tss],
        product_ids: &[2218, 2219, 2220, 2221, 2222, 2224],
    },
    Insurer {
        id: 17,
        name: "Unico Sigorta",
        slug: "unico-sigorta",
        latency_ms: (900, 3600),
        failure_rate: 0.18,
        price_factor: 0.93,
        offers_nine_installments: false,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut],
        product_ids: &[1701, 1702, 1703, 1704],
    },
    Insurer {
        id: 43,
        name: "Doğa Sigorta",
        slug: "doga-sigorta",
        latency_ms: (300, 1500),
        failure_rate: 0.08,
        price_factor: 0.97,
        offers_nine_installments: true,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut, Tss],
        product_ids: &[1592, 1593, 1595, 2223, 3217],
    },
    Insurer {
        id: 51,
        name: "Nippon Sigorta",
        slug: "nippon-sigorta",
        latency_ms: (800, 3000),
        failure_rate: 0.12,
        price_factor: 1.02,
        offers_nine_installments: false,
        open_account: false,
        branches: &[Kasko, Trafik, Imm],
        product_ids: &[5101, 5102, 5103],
    },
    Insurer {
        id: 54,
        name: "HDI Sigorta",
        slug: "hdi-sigorta",
        latency_ms: (500, 2000),
        failure_rate: 0.10,
        price_factor: 1.05,
        offers_nine_installments: true,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut, Imm],
        product_ids: &[5401, 5402, 5403, 5404, 5405],
    },
    Insurer {
        id: 57,
        name: "Bereket Sigorta",
        slug: "bereket-sigorta",
        latency_ms: (1200, 4000),
        failure_rate: 0.20,
        price_factor: 0.90,
        offers_nine_installments: false,
        open_account: true,
        branches: &[Kasko, Trafik, Dask],
        product_ids: &[5701, 5702, 5703],
    },
    Insurer {
        id: 61,
        name: "Sompo Sigorta",
        slug: "sompo-sigorta",
        latency_ms: (400, 1800),
        failure_rate: 0.07,
        price_factor: 1.08,
        offers_nine_installments: true,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut, Imm, Tss],
        product_ids: &[6101, 6102, 6103, 6104, 6105, 6106],
    },
    Insurer {
        id: 95,
        name: "AXA Sigorta",
        slug: "axa-sigorta",
        latency_ms: (500, 2200),
        failure_rate: 0.09,
        price_factor: 1.15,
        offers_nine_installments: true,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut, Imm, Tss],
        product_ids: &[9501, 9502, 9503, 9504, 9505, 9506],
    },
    Insurer {
        id: 116,
        name: "Türkiye Sigorta",
        slug: "turkiye-sigorta",
        latency_ms: (700, 2600),
        failure_rate: 0.11,
        price_factor: 0.95,
        offers_nine_installments: true,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut, Tss],
        product_ids: &[11601, 11602, 11603, 11604, 11605],
    },
    Insurer {
        id: 3,
        name: "Allianz Sigorta",
        slug: "allianz-sigorta",
        latency_ms: (400, 1600),
        failure_rate: 0.05,
        price_factor: 1.18,
        offers_nine_installments: true,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut, Imm, Tss],
        product_ids: &[301, 302, 303, 304, 305, 306],
    },
    Insurer {
        id: 5,
        name: "AK Sigorta",
        slug: "ak-sigorta",
        latency_ms: (600, 2800),
        failure_rate: 0.13,
        price_factor: 1.00,
        offers_nine_installments: false,
        open_account: true,
        branches: &[Kasko, Trafik, Dask, Konut],
        product_ids: &[501, 502, 503, 504],
    },
    Insurer {
        id: 35,
        name: "Ray Sigorta",
        slug: "ray-sigorta",
        latency_ms: (1000, 3800),
        failure_rate: 0.16,
        price_factor: 0.92,
        offers_nine_installments: false,
        open_account: false,
        branches: &[Kasko, Trafik, Imm],
        product_ids: &[3501, 3502, 3503],
    },
];

impl Insurer {
    pub fn logo(&self) -> String {
        format!("{DOCUMENT_HOST}/logos/{}.png", self.slug)
    }

    pub fn product_id(&self, branch: ProductBranch) -> Option<u32> {
        self.branches
            .iter()
            .position(|b| *b == branch)
            .and_then(|i| self.product_ids.get(i).copied())
    }

    pub fn payment_options(&self) -> Vec<PaymentOption> {
        let mut options = vec![PaymentOption::SyncCreditCard];
        if self.open_account {
            options.push(PaymentOption::SyncOpenAccount);
        }
        options.push(PaymentOption::Async3dSecure);
        options.push(PaymentOption::AsyncInsuranceCompanyRedirect);
        options
    }

    pub fn installments(&self) -> &'static [u8] {
        if self.offers_nine_installments {
            &[1, 3, 6, 9]
        } else {
            &[1, 3, 6]
        }
    }
}

pub struct Model {
    pub code: &'static str,
    pub name: &'static str,
    pub years: (i32, i32),
    /// New-vehicle value in TL for the newest year; older years depreciate.
    pub value: f64,
}

pub struct Brand {
    pub code: &'static str,
    pub name: &'static str,
    pub models: &'static [Model],
}

pub const BRANDS: &[Brand] = &[
    Brand {
        code: "139",
        name: "TOYOTA",
        models: &[
            Model {
                code: "139014",
                name: "COROLLA 1.5 VISION",
                years: (2019, 2026),
                value: 1_450_000.0,
            },
            Model {
                code: "139022",
                name: "C-HR 1.8 HYBRID",
                years: (2018, 2026),
                value: 1_950_000.0,
            },
            Model {
                code: "139031",
                name: "YARIS 1.5 DREAM",
                years: (2020, 2026),
                value: 1_150_000.0,
            },
        ],
    },
    Brand {
        code: "124",
        name: "RENAULT",
        models: &[
            Model {
                code: "124051",
                name: "CLIO 1.0 TCE TOUCH",
                years: (2019, 2026),
                value: 1_050_000.0,
            },
            Model {
                code: "124063",
                name: "MEGANE 1.3 TCE ICON",
                years: (2016, 2025),
                value: 1_350_000.0,
            },
        ],
    },
    Brand {
        code: "052",
        name: "FIAT",
        models: &[
            Model {
                code: "052011",
                name: "EGEA 1.4 FIRE EASY",
                years: (2016, 2026),
                value: 950_000.0,
            },
            Model {
                code: "052019",
                name: "DOBLO 1.6 MULTIJET",
                years: (2015, 2024),
                value: 1_100_000.0,
            },
        ],
    },
    Brand {
        code: "147",
        name: "VOLKSWAGEN",
        models: &[
            Model {
                code: "147040",
                name: "GOLF 1.5 ETSI LIFE",
                years: (2020, 2026),
                value: 1_900_000.0,
            },
            Model {
                code: "147052",
                name: "PASSAT 1.5 TSI BUSINESS",
                years: (2015, 2024),
                value: 2_300_000.0,
            },
            Model {
                code: "147061",
                name: "POLO 1.0 TSI LIFE",
                years: (2018, 2026),
                value: 1_300_000.0,
            },
        ],
    },
    Brand {
        code: "053",
        name: "FORD",
        models: &[
            Model {
                code: "053024",
                name: "FOCUS 1.5 ECOBLUE TITANIUM",
                years: (2018, 2025),
                value: 1_500_000.0,
            },
            Model {
                code: "053036",
                name: "TRANSIT CUSTOM 2.0",
                years: (2016, 2026),
                value: 2_100_000.0,
            },
        ],
    },
    Brand {
        code: "067",
        name: "HYUNDAI",
        models: &[
            Model {
                code: "067010",
                name: "I20 1.4 MPI JUMP",
                years: (2020, 2026),
                value: 1_100_000.0,
            },
            Model {
                code: "067025",
                name: "TUCSON 1.6 T-GDI ELITE",
                years: (2021, 2026),
                value: 2_400_000.0,
            },
        ],
    },
    Brand {
        code: "064",
        name: "HONDA",
        models: &[Model {
            code: "064012",
            name: "CIVIC 1.5 VTEC ECO ELEGANCE",
            years: (2017, 2026),
            value: 1_700_000.0,
        }],
    },
    Brand {
        code: "020",
        name: "BMW",
        models: &[
            Model {
                code: "020118",
                name: "320I SEDAN M SPORT",
                years: (2019, 2026),
                value: 3_600_000.0,
            },
            Model {
                code: "020150",
                name: "520I LUXURY LINE",
                years: (2017, 2026),
                value: 4_900_000.0,
            },
        ],
    },
    Brand {
        code: "092",
        name: "MERCEDES-BENZ",
        models: &[
            Model {
                code: "092201",
                name: "C 200 AMG",
                years: (2021, 2026),
                value: 4_200_000.0,
            },
            Model {
                code: "092230",
                name: "E 220 D EXCLUSIVE",
                years: (2016, 2026),
                value: 5_400_000.0,
            },
        ],
    },
    Brand {
        code: "011",
        name: "AUDI",
        models: &[
            Model {
                code: "011030",
                name: "A3 SEDAN 35 TFSI",
                years: (2020, 2026),
                value: 2_600_000.0,
            },
            Model {
                code: "011045",
                name: "A6 40 TDI QUATTRO",
                years: (2018, 2026),
                value: 4_600_000.0,
            },
        ],
    },
    Brand {
        code: "113",
        name: "PEUGEOT",
        models: &[
            Model {
                code: "113208",
                name: "208 1.2 PURETECH ALLURE",
                years: (2019, 2026),
                value: 1_250_000.0,
            },
            Model {
                code: "113308",
                name: "3008 1.5 BLUEHDI GT",
                years: (2017, 2026),
                value: 2_050_000.0,
            },
        ],
    },
    Brand {
        code: "110",
        name: "OPEL",
        models: &[
            Model {
                code: "110020",
                name: "ASTRA 1.2 ELEGANCE",
                years: (2016, 2026),
                value: 1_400_000.0,
            },
            Model {
                code: "110031",
                name: "CORSA 1.2 EDITION",
                years: (2019, 2026),
                value: 1_050_000.0,
            },
        ],
    },
    Brand {
        code: "032",
        name: "DACIA",
        models: &[
            Model {
                code: "032010",
                name: "DUSTER 1.3 TCE PRESTIGE",
                years: (2018, 2026),
                value: 1_200_000.0,
            },
            Model {
                code: "032020",
                name: "SANDERO STEPWAY 1.0",
                years: (2021, 2026),
                value: 900_000.0,
            },
        ],
    },
    Brand {
        code: "133",
        name: "SKODA",
        models: &[
            Model {
                code: "133040",
                name: "OCTAVIA 1.5 TSI PREMIUM",
                years: (2020, 2026),
                value: 1_750_000.0,
            },
            Model {
                code: "133015",
                name: "FABIA 1.0 TSI ELITE",
                years: (2019, 2025),
                value: 1_050_000.0,
            },
        ],
    },
    Brand {
        code: "106",
        name: "NISSAN",
        models: &[Model {
            code: "106050",
            name: "QASHQAI 1.3 DIG-T TEKNA",
            years: (2018, 2026),
            value: 1_950_000.0,
        }],
    },
    Brand {
        code: "028",
        name: "CITROEN",
        models: &[Model {
            code: "028030",
            name: "C4 1.2 PURETECH FEEL",
            years: (2020, 2026),
            value: 1_300_000.0,
        }],
    },
];

pub fn brand(code: &str) -> Option<&'static Brand> {
    BRANDS.iter().find(|b| b.code == code)
}

pub fn model(code: &str) -> Option<(&'static Brand, &'static Model)> {
    BRANDS
        .iter()
        .find_map(|b| b.models.iter().find(|m| m.code == code).map(|m| (b, m)))
}

pub struct CoverageGroup {
    pub id: &'static str,
    /// The integer id older documentation sends in `coverageGroupIds`.
    pub legacy_id: i64,
    pub name: &'static str,
    pub branch: ProductBranch,
    pub description: &'static str,
    /// Price multiplier against the branch's standard cover.
    pub factor: f64,
}

pub const COVERAGE_GROUPS: &[CoverageGroup] = &[
    CoverageGroup {
        id: "68ff33ef85427175168098e5",
        legacy_id: 123,
        name: "Genişletilmiş Kasko",
        branch: Kasko,
        description: "Çarpma, yanma, çalınma, sel ve deprem dahil kapsamlı teminat.",
        factor: 1.0,
    },
    CoverageGroup {
        id: "68ff33ef85427175168098e6",
        legacy_id: 124,
        name: "Dar Kasko",
        branch: Kasko,
        description: "Yalnızca çalınma ve yanma teminatları.",
        factor: 0.55,
    },
    CoverageGroup {
        id: "68ff33ef85427175168098e7",
        legacy_id: 125,
        name: "Tam Kasko (İkame Araçlı)",
        branch: Kasko,
        description: "Genişletilmiş kasko, 15 gün ikame araç ve sınırsız cam.",
        factor: 1.3,
    },
    CoverageGroup {
        id: "68ff33ef85427175168098e8",
        legacy_id: 126,
        name: "Standart Trafik",
        branch: Trafik,
        description: "Karayolları Trafik Kanunu'nun zorunlu kıldığı limitler.",
        factor: 1.0,
    },
    CoverageGroup {
        id: "68ff33ef85427175168098e9",
        legacy_id: 127,
        name: "Trafik + Artan Mali Sorumluluk",
        branch: Trafik,
        description: "Zorunlu trafik ile birlikte 1.000.000 TL İMM.",
        factor: 1.18,
    },
    CoverageGroup {
        id: "68ff33ef85427175168098ea",
        legacy_id: 128,
        name: "Standart Konut",
        branch: Konut,
        description: "Bina ve eşya için yangın, hırsızlık ve su basması.",
        factor: 1.0,
    },
];

pub fn coverage_group(id: &str) -> Option<&'static CoverageGroup> {
    COVERAGE_GROUPS.iter().find(|g| g.id == id)
}

pub fn coverage_group_by_legacy(id: i64) -> Option<&'static CoverageGroup> {
    COVERAGE_GROUPS.iter().find(|g| g.legacy_id == id)
}

pub struct City {
    pub code: &'static str,
    pub name: &'static str,
    pub districts: &'static [(&'static str, &'static str)],
}

pub const CITIES: &[City] = &[
    City {
        code: "34",
        name: "İSTANBUL",
        districts: &[
            ("1823", "KÜÇÜKÇEKMECE"),
            ("1421", "KADIKÖY"),
            ("2004", "ÜSKÜDAR"),
            ("1183", "BEŞİKTAŞ"),
        ],
    },
    City {
        code: "6",
        name: "ANKARA",
        districts: &[("1231", "ÇANKAYA"), ("1723", "KEÇİÖREN")],
    },
    City {
        code: "35",
        name: "İZMİR",
        districts: &[("1203", "BORNOVA"), ("2006", "KARŞIYAKA")],
    },
    City {
        code: "16",
        name: "BURSA",
        districts: &[("1832", "NİLÜFER"), ("1935", "OSMANGAZİ")],
    },
    City {
        code: "7",
        name: "ANTALYA",
        districts: &[("2037", "MURATPAŞA"), ("1390", "KONYAALTI")],
    },
];

pub fn city(code: &str) -> Option<&'static City> {
    let trimmed = code.trim_start_matches('0');
    CITIES.iter().find(|c| c.code == trimmed)
}

/// Alternating male (even index) and female (odd index) names.
pub const FIRST_NAMES: &[&str] = &[
    "AHMET",
    "AYŞE",
    "MEHMET",
    "FATMA",
    "MUSTAFA",
    "EMİNE",
    "ALİ",
    "ZEYNEP",
    "HÜSEYİN",
    "ELİF",
    "HASAN",
    "MERVE",
    "İBRAHİM",
    "BÜŞRA",
    "MURAT",
    "DERYA",
    "EMRE",
    "SELİN",
    "CAN",
    "GAMZE",
];

pub const LAST_NAMES: &[&str] = &[
    "YILMAZ",
    "KAYA",
    "DEMİR",
    "ŞAHİN",
    "ÇELİK",
    "YILDIZ",
    "YILDIRIM",
    "ÖZTÜRK",
    "AYDIN",
    "ÖZDEMİR",
    "ARSLAN",
    "DOĞAN",
    "KILIÇ",
    "ASLAN",
    "ÇETİN",
    "KARA",
    "KOÇ",
    "KURT",
    "ÖZKAN",
    "ŞİMŞEK",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_insurer_has_a_product_per_branch_and_a_unique_id() {
        assert_eq!(INSURERS.len(), 12);
        for insurer in INSURERS {
            assert_eq!(
                insurer.branches.len(),
                insurer.product_ids.len(),
                "{}",
                insurer.name
            );
        }
        let mut ids: Vec<_> = INSURERS.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), INSURERS.len());
    }

    #[test]
    fn coverage_group_ids_are_object_ids() {
        assert!(
            COVERAGE_GROUPS
                .iter()
                .all(|g| crate::store::ids::is_object_id(g.id))
        );
        assert!(crate::store::ids::is_object_id(AGENT_BRANCH_ID));
    }
}
