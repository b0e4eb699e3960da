package com.relais.crm.attachment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An upload refused for what it is or how it is sent (415) or how big it is (413); rendered as problem+json. */
class UploadRefused extends ErrorResponseException {
  private UploadRefused(HttpStatus status, String title, String detail) {
    super(status, problem(status, title, detail), null);
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  static UploadRefused tooLarge(long limit) {
    return new UploadRefused(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
        "The file is larger than the limit of " + limit + " bytes");
  }

  static UploadRefused unsupported(String detail) {
    return new UploadRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File type not accepted", detail);
  }

  static UploadRefused notMultipart(String contentType) {
    return new UploadRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a multipart upload",
        "Send the file as multipart/form-data, not " + (contentType == null ? "without a Content-Type" : contentType));
  }
}
