/** One row of the play-by-play input with the chapter's two canonical IDs (section 9.1). */
export interface RawPlay {
  /** 1-based position of the row in the input. */
  play_id: number;
  /** First 16 hex characters of SHA-256 of the commentary text. */
  play_hash: string;
  /** The commentary paragraph, exactly as read. */
  playbyplay: string;
  /** 1-based physical line of the CSV where the row starts (header is line 1). */
  line: number;
}
