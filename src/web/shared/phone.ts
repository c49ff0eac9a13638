/** The web's path to the phone rules shared with the server. */
export { maskPhone, phonePattern } from '../../shared/phone.js';
