export interface XmlElement {
  tag: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}
export interface ToastView {
  launch: string | undefined;
  scenario: string;
  stays: boolean;
  texts: string[];
  buttons: Array<Record<string, string>>;
  sound: string | null;
}
export declare function parseXml(xml: string): XmlElement;
export declare function readToast(xml: string): ToastView;
