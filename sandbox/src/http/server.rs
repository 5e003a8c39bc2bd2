//! Starting and stopping a sandbox: our own accept loop (so a fault can drop a connection), graceful
//! shutdown, and a blocking wrapper that owns its runtime.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{oneshot, watch};
use tokio::task::{JoinHandle, JoinSet};
use tower::ServiceExt;

use crate::config::SandboxConfig;
use crate::controls::faults::ConnectionKill;
use crate::controls::stats::Stats;
use crate::dialect::Dialect;
use crate::state::{AppState, until_stopped};

/// How long shutdown waits for in-flight requests before closing their connections.
const DRAIN: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("could not bind {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("could not build the webhook HTTP client: {0}")]
    Client(#[from] reqwest::Error),
    #[error("the sandbox runtime could not start: {0}")]
    Runtime(String),
    #[error("the GraphQL schema of the dialect could not be built: {0}")]
    Schema(String),
}

/// Entry point: `Sandbox::start(config).await` or `Sandbox::start_blocking(config)`.
#[derive(Debug)]
pub struct Sandbox;

impl Sandbox {
    /// Binds, seeds the store and serves on the current tokio runtime until the handle is shut down
    /// or dropped.
    pub async fn start(config: SandboxConfig) -> Result<SandboxHandle, StartError> {
        let addr = SocketAddr::new(config.host, config.port);
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| StartError::Bind { addr, source })?;
        let local = listener
            .local_addr()
            .map_err(|source| StartError::Bind { addr, source })?;
        let base_url = format!("http://{local}");
        // The dialects whose OAuth server is a separate origin get a second listener for it.
        let auth_listener = if config.dialect.splits_auth_origin() {
            let addr = SocketAddr::new(config.host, config.auth_port);
            let listener = TcpListener::bind(addr)
                .await
                .map_err(|source| StartError::Bind { addr, source })?;
            Some(listener)
        } else {
            None
        };
        let auth_url = match &auth_listener {
            Some(listener) => {
                let local = listener.local_addr().map_err(|source| StartError::Bind {
                    addr: SocketAddr::new(config.host, config.auth_port),
                    source,
                })?;
                format!("http://{local}")
            }
            None => base_url.clone(),
        };
        let (stop, stopped) = watch::channel(false);
        let state = AppState::new(config, base_url.clone(), auth_url, stopped.clone())?;
        let router = crate::http::router::router(state.clone()).map_err(StartError::Schema)?;
        let api = tokio::spawn(serve(listener, router, stopped.clone()));
        let market = tokio::spawn(crate::simulation::market::run(state.clone()));
        let auth = auth_listener.map(|listener| {
            let router = crate::http::router::auth_router(state.clone());
            tokio::spawn(serve(listener, router, stopped))
        });
        let task = tokio::spawn(async move {
            let _ = api.await;
            let _ = market.await;
            if let Some(auth) = auth {
                let _ = auth.await;
            }
        });
        tracing::info!(%base_url, auth_url = %state.auth_url, dialect = %state.config.dialect, "sandbox listening");
        Ok(SandboxHandle {
            base_url,
            state,
            stop,
            task: Some(task),
        })
    }

    /// Starts a sandbox on its own runtime thread, for callers outside tokio.
    pub fn start_blocking(config: SandboxConfig) -> Result<BlockingSandbox, StartError> {
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("insurup-sandbox".to_owned())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        let _ = ready_tx.send(Err(StartError::Runtime(e.to_string())));
                        return;
                    }
                };
                runtime.block_on(async move {
                    match Sandbox::start(config).await {
                        Ok(handle) => {
                            let _ =
                                ready_tx.send(Ok((handle.base_url.clone(), handle.state.clone())));
                            let _ = stop_rx.await;
                            handle.shutdown().await;
                        }
                        Err(e) => {
                            let _ = ready_tx.send(Err(e));
                        }
                    }
                });
            })
            .map_err(|e| StartError::Runtime(e.to_string()))?;
        let (base_url, state) = ready_rx.recv().map_err(|_| {
            StartError::Runtime("the sandbox thread exited during start".to_owned())
        })??;
        Ok(BlockingSandbox {
            base_url,
            state,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }
}

/// A running sandbox. Dropping it stops the server (in-flight requests get a few seconds to finish).
#[derive(Debug)]
pub struct SandboxHandle {
    base_url: String,
    state: AppState,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl SandboxHandle {
    /// `http://<host>:<port>`, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The origin serving the OAuth token endpoint: a second port in the dialects that split it
    /// off (graphql-docs, vendor-sdk), else the same as [`base_url`](Self::base_url).
    pub fn auth_url(&self) -> &str {
        &self.state.auth_url
    }

    /// The dialect this sandbox speaks.
    pub fn dialect(&self) -> Dialect {
        self.state.config.dialect
    }

    /// The same counters as `GET /__sandbox/stats`.
    pub fn stats(&self) -> Stats {
        self.state.stats()
    }

    /// Restores the seeded state, as `POST /__sandbox/reset` does.
    pub fn reset(&self) {
        self.state.reset();
    }

    pub fn config(&self) -> &SandboxConfig {
        &self.state.config
    }

    /// Stops accepting, lets in-flight requests finish (up to 5 s), then returns.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for SandboxHandle {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// A sandbox running on its own thread and runtime.
#[derive(Debug)]
pub struct BlockingSandbox {
    base_url: String,
    state: AppState,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl BlockingSandbox {
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// See [`SandboxHandle::auth_url`].
    pub fn auth_url(&self) -> &str {
        &self.state.auth_url
    }

    pub fn dialect(&self) -> Dialect {
        self.state.config.dialect
    }

    pub fn stats(&self) -> Stats {
        self.state.stats()
    }

    pub fn reset(&self) {
        self.state.reset();
    }

    /// Stops the server and joins its thread.
    pub fn shutdown(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for BlockingSandbox {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}

async fn serve(listener: TcpListener, router: Router, stopped: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    let mut stop_signal = stopped.clone();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    connections.spawn(serve_connection(stream, peer, router.clone(), stopped.clone()));
                }
                Err(e) => {
                    // Usually out of file descriptors: back off instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            () = until_stopped(&mut stop_signal) => break,
        }
    }
    drop(listener);
    let drained = tokio::time::timeout(DRAIN, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        connections.abort_all();
    }
    tracing::info!("sandbox stopped");
}

async fn serve_connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    mut stopped: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let kill = ConnectionKill::default();
    let request_kill = kill.clone();
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(request_kill.clone());
        request.extensions_mut().insert(ConnectInfo(peer));
        let router = router.clone();
        async move {
            Ok::<_, Infallible>(
                router
                    .oneshot(request.map(Body::new))
                    .await
                    .unwrap_or_else(|e| match e {}),
            )
        }
    });
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(30))
        .serve_connection(TokioIo::new(stream), service)
        // The real-time hub's WebSocket takes the connection over after its upgrade.
        .with_upgrades();
    tokio::pin!(connection);
    let mut draining = false;
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, %peer, "connection ended with an error");
                }
                break;
            }
            // Leaving the loop drops the connection: the socket closes with no response written.
            () = kill.fired() => break,
            () = until_stopped(&mut stopped), if !draining => {
                draining = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}
