/**
 * Personal data in events is stored encrypted with a data key per person (crypto-shredding): erasing a person
 * destroys their keys, after which their data reads as erased everywhere, while the events, their hashes, their
 * times and the metrics drawn from them stay exactly as they were.
 */
package org.caseledger.api.privacy;
