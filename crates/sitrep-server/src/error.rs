//! Errors of the HTTP API: one JSON shape for every failure, and one table
//! mapping each error code to its HTTP status.
//!
//! Every error response, whatever produced it (a bad query parameter, a
//! body too large, an unknown path, a timeout, a store failure), has the body
//!
//! ```json
//! {"error": {"code": "invalid_parameter", "message": "…", "field": "since"}}
//! ```
//!
//! `code` is a stable machine-readable name from [`ErrorCode`]; `message`
//! is for people and may change; `field` names the query parameter or body
//! field at fault, when there is one. Clients branch on `code`, never on
//! `message`.
//!
//! This module does not log: the request log line (see `middleware`)
//! records the status of every response.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// Declares [`ErrorCode`] with its wire name and HTTP status in one table.
macro_rules! error_codes {
    ($( $(#[$meta:meta])* $variant:ident => ($name:literal, $status:ident), )+) => {
        /// What went wrong, as a stable code. The table of codes, statuses
        /// and meanings is also in the OpenAPI document (`ErrorCode`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $( $(#[$meta])* $variant, )+
        }

        impl ErrorCode {
            /// Every code, in table order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            /// The code's wire name (`invalid_parameter`).
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $name,)+ }
            }

            /// The HTTP status sent with this code.
            pub fn status(self) -> StatusCode {
                match self { $(ErrorCode::$variant => StatusCode::$status,)+ }
            }
        }
    };
}

error_codes! {
    /// A query parameter has a value that cannot be parsed or is out of range.
    InvalidParameter => ("invalid_parameter", BAD_REQUEST),
    /// A query parameter this endpoint does not know, or one given twice.
    UnknownParameter => ("unknown_parameter", BAD_REQUEST),
    /// The request body is not the JSON this endpoint expects.
    InvalidBody => ("invalid_body", BAD_REQUEST),
    /// The request needs a bearer token and had none or a wrong one.
    Unauthorized => ("unauthorized", UNAUTHORIZED),
    /// Ingesting over HTTP is off: the server was started without a token.
    IngestDisabled => ("ingest_disabled", FORBIDDEN),
    /// No such path, document or resource.
    NotFound => ("not_found", NOT_FOUND),
    /// The path exists but not with this method.
    MethodNotAllowed => ("method_not_allowed", METHOD_NOT_ALLOWED),
    /// The request body is larger than the server accepts.
    BodyTooLarge => ("body_too_large", PAYLOAD_TOO_LARGE),
    /// The body is not `application/json`.
    UnsupportedMediaType => ("unsupported_media_type", UNSUPPORTED_MEDIA_TYPE),
    /// The extractor is still loading its dictionaries; retry shortly.
    NotReady => ("not_ready", SERVICE_UNAVAILABLE),
    /// The request took longer than the server's time limit.
    Timeout => ("timeout", SERVICE_UNAVAILABLE),
    /// The ledger could not be read or written.
    StoreError => ("store_error", INTERNAL_SERVER_ERROR),
    /// A bug in the server. The message says no more than that.
    Internal => ("internal", INTERNAL_SERVER_ERROR),
}

/// An API error: a code, a message for people and, when one is at fault,
/// the parameter or field it concerns.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", code.as_str())]
pub struct ApiError {
    /// What went wrong.
    pub code: ErrorCode,
    /// A sentence for people.
    pub message: String,
    /// The query parameter or body field at fault.
    pub field: Option<String>,
}

/// The JSON body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// The error inside [`ErrorBody`].
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable machine-readable code.
    pub code: ErrorCode,
    /// What went wrong, for people; the wording may change.
    pub message: String,
    /// The query parameter or body field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    /// An error with this code and message, about no field in particular.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// A query parameter `field` with an unusable value.
    pub fn parameter(field: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            code: ErrorCode::InvalidParameter,
            message: message.into(),
            field: Some(field.to_string()),
        }
    }

    /// A query parameter the endpoint does not accept.
    pub fn unknown_parameter(field: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            code: ErrorCode::UnknownParameter,
            message: message.into(),
            field: Some(field.to_string()),
        }
    }

    /// Nothing at this path.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::NotFound, message)
    }

    /// A failure of the ledger. The message is logged in full; the client
    /// sees a short one (paths and SQL are not its business).
    pub fn store(err: &sitrep_store::StoreError) -> ApiError {
        tracing::error!(error = %err, "store error");
        ApiError::new(ErrorCode::StoreError, "the ledger could not be read")
    }

    /// A bug (a panicked or cancelled worker task).
    pub fn internal(what: &str) -> ApiError {
        tracing::error!(what, "internal error");
        ApiError::new(ErrorCode::Internal, "internal error")
    }

    /// The JSON body of this error.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: self.message.clone(),
                field: self.field.clone(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.code.status();
        let mut response = (status, axum::Json(self.body())).into_response();
        let headers = response.headers_mut();
        match self.code {
            ErrorCode::Unauthorized => {
                headers.insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"sitrep\""),
                );
            }
            ErrorCode::NotReady => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            }
            _ => {}
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_their_wire_names() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json, serde_json::Value::from(code.as_str()));
        }
        assert_eq!(ErrorCode::ALL.len(), 13);
    }

    #[test]
    fn body_names_the_field_only_when_there_is_one() {
        let with = serde_json::to_value(ApiError::parameter("since", "bad").body()).unwrap();
        assert_eq!(
            with,
            serde_json::json!({"error": {"code": "invalid_parameter", "message": "bad", "field": "since"}})
        );
        let without = serde_json::to_value(ApiError::not_found("gone").body()).unwrap();
        assert_eq!(
            without,
            serde_json::json!({"error": {"code": "not_found", "message": "gone"}})
        );
    }

    #[test]
    fn statuses_follow_the_table() {
        assert_eq!(
            ErrorCode::InvalidParameter.status(),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(ErrorCode::Unauthorized.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(
            ErrorCode::BodyTooLarge.status(),
            StatusCode::PAYLOAD_TOO_LARGE
        );
        assert_eq!(ErrorCode::Timeout.status(), StatusCode::SERVICE_UNAVAILABLE);
    }
}
