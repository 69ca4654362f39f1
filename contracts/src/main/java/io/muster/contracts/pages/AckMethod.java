package io.muster.contracts.pages;

/** How a responder acknowledged a page. */
public enum AckMethod {
    EMAIL_LINK, SMS_REPLY, API
}
