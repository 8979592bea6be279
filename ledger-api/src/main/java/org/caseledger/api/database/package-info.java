/** The database as the application sees it: whether it answers now, and how the pool reports a connection it lost. */
package org.caseledger.api.database;
