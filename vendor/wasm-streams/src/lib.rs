//! Stub of wasm-streams 0.5 for apps that never stream to or from server
//! functions. Streaming server-function calls panic instead of working.
use futures_util::Stream;
use wasm_bindgen::JsValue;

pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Not supported by this stub: streaming request bodies need wasm-streams.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        unreachable!("wasm-streams stub: streaming request bodies are not supported")
    }

    /// Not supported by this stub: streaming response bodies need wasm-streams.
    pub fn into_stream(self) -> futures_util::stream::Empty<Result<JsValue, JsValue>> {
        unreachable!("wasm-streams stub: streaming response bodies are not supported")
    }
}
