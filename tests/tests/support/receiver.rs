//! A webhook endpoint on loopback that records every delivery, for tests that check what the
//! sandbox sends.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use insurup::webhook;
use tokio::sync::watch;

/// One request the receiver got, as it arrived.
#[derive(Debug, Clone)]
pub struct Delivery {
    pub event: String,
    pub delivery_id: String,
    pub signature: Option<String>,
    pub body: Bytes,
}

/// Records deliveries and answers 200 to each.
pub struct Receiver {
    pub url: String,
    deliveries: watch::Receiver<Vec<Delivery>>,
    server: tokio::task::JoinHandle<()>,
}

async fn record(
    State(log): State<Arc<watch::Sender<Vec<Delivery>>>>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    log.send_modify(|log| {
        log.push(Delivery {
            event: header(webhook::EVENT_HEADER).unwrap_or_default(),
            delivery_id: header(webhook::DELIVERY_HEADER).unwrap_or_default(),
            signature: header(webhook::SIGNATURE_HEADER),
            body,
        });
    });
    StatusCode::OK
}

impl Receiver {
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let address = listener.local_addr().expect("bound address");
        let (log, deliveries) = watch::channel(Vec::new());
        let app = axum::Router::new()
            .route("/hooks", axum::routing::post(record))
            .with_state(Arc::new(log));
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Receiver {
            url: format!("http://{address}/hooks"),
            deliveries,
            server,
        }
    }

    /// Every delivery so far.
    pub fn received(&self) -> Vec<Delivery> {
        self.deliveries.borrow().clone()
    }

    /// Waits (up to 30 s) until a delivery of `event` arrived, and returns it.
    pub async fn wait_for(&self, event: &str) -> Delivery {
        let mut deliveries = self.deliveries.clone();
        let waited = tokio::time::timeout(
            Duration::from_secs(30),
            deliveries.wait_for(|log| log.iter().any(|d| d.event == event)),
        )
        .await;
        match waited {
            Ok(Ok(log)) => log
                .iter()
                .find(|d| d.event == event)
                .cloned()
                .expect("just seen"),
            _ => {
                let seen: Vec<String> = self.received().into_iter().map(|d| d.event).collect();
                panic!("never received {event}; received {seen:?}")
            }
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.server.abort();
    }
}
