/** chain:* shell commands. */
package io.zgnode.ledger.shell;
