//! InsurUp's real-time proposal hub (`ProposalDetailHub` at `{origin}/hubs/proposal-detail`):
//! ASP.NET Core SignalR's JSON hub protocol over a WebSocket, without negotiation.
//!
//! One connection per [`Client`](crate::Client), opened when the first proposal is created or
//! watched and shared by every watch ([`connection`]); the events it hears are applied to a
//! watch's copy of the proposal ([`events`]).

pub(crate) mod connection;
pub(crate) mod events;
#[doc(hidden)]
pub mod protocol;

use std::time::Duration;

use crate::error::{Error, Result};

pub(crate) use connection::{Hub, Signal, Subscription};

/// SignalR's `KeepAliveInterval`: the client pings when it sent nothing for this long.
pub const DEFAULT_HUB_KEEP_ALIVE: Duration = Duration::from_secs(15);
/// SignalR's `ServerTimeout`: the connection is given up (and opened again) when nothing arrived
/// for this long.
pub const DEFAULT_HUB_SERVER_TIMEOUT: Duration = Duration::from_secs(30);

/// How proposal watches (and `wait`) hear of insurers' answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RealTime {
    /// The real-time hub when the server offers it, polling otherwise (the default).
    #[default]
    Auto,
    /// The real-time hub: a server that refuses it is a `ConnectionError` for the watch. While
    /// the connection is down between reconnections, watches poll.
    Hub,
    /// Polling only; no WebSocket is opened.
    Polling,
}

impl std::str::FromStr for RealTime {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(RealTime::Auto),
            "hub" => Ok(RealTime::Hub),
            "polling" | "off" => Ok(RealTime::Polling),
            _ => Err(Error::validation(
                "real_time",
                "must be auto, hub or polling",
            )),
        }
    }
}

impl std::fmt::Display for RealTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            RealTime::Auto => "auto",
            RealTime::Hub => "hub",
            RealTime::Polling => "polling",
        })
    }
}

/// The real-time settings of a client.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RealTimeSettings {
    pub mode: RealTime,
    pub keep_alive: Duration,
    pub server_timeout: Duration,
}

impl Default for RealTimeSettings {
    fn default() -> Self {
        RealTimeSettings {
            mode: RealTime::Auto,
            keep_alive: DEFAULT_HUB_KEEP_ALIVE,
            server_timeout: DEFAULT_HUB_SERVER_TIMEOUT,
        }
    }
}

/// The hub's address: `/hubs/proposal-detail` on the API's origin. The WebSocket is an upgrade of
/// an HTTP/1.1 request to it (`ws`/`wss` are the same request on `http`/`https`).
pub(crate) fn hub_url(api_base: &url::Url) -> Result<url::Url> {
    let mut url = api_base
        .join("/hubs/proposal-detail")
        .map_err(|error| Error::validation("base_url", error.to_string()))?;
    url.set_query(None);
    url.set_fragment(None);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hub_lives_on_the_api_origin_outside_the_rest_prefix() {
        for (base, hub) in [
            (
                "https://api.insurup.com",
                "https://api.insurup.com/hubs/proposal-detail",
            ),
            (
                "https://api.insurup.com/api/",
                "https://api.insurup.com/hubs/proposal-detail",
            ),
            (
                "http://127.0.0.1:8080/",
                "http://127.0.0.1:8080/hubs/proposal-detail",
            ),
        ] {
            let base = url::Url::parse(base).expect("url");
            assert_eq!(hub_url(&base).expect("hub url").as_str(), hub);
        }
    }

    #[test]
    fn modes_read_as_they_are_written() {
        for mode in [RealTime::Auto, RealTime::Hub, RealTime::Polling] {
            assert_eq!(mode.to_string().parse::<RealTime>().expect("parses"), mode);
        }
        assert_eq!("off".parse::<RealTime>().expect("alias"), RealTime::Polling);
        let error = "push".parse::<RealTime>().expect_err("unknown");
        assert_eq!(error.field(), Some("real_time"));
    }
}
