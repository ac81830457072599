// Input that could not be linted is reported, counted and passed over; nothing else stops.
export interface Notice {
  source: string;
  line?: number;
  message: string;
}
