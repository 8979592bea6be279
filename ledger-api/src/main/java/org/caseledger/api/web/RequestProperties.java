package org.caseledger.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body the ledger reads; a larger one is refused with 413 before it is read
 */
@ConfigurationProperties("ledger.requests")
public record RequestProperties(DataSize maxBodySize) {

    public RequestProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        if (maxBodySize.toBytes() <= 0 || maxBodySize.toBytes() >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("ledger.requests.max-body-size must be between 1 byte and 2 GB");
        }
    }
}
